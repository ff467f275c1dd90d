/**
 * The recommendations, scored against what the sandbox planted: a campaign over everyone on the
 * built-in sandbox (synced, scanned), made through the channels. Every planted dormant account
 * has each of its items recommended for revocation, every planted peer outlier too, and at least
 * 95% of the items with no planted problem are recommended keep. Every item says why, and what
 * decides it is shown. (bench/reviews.ts prints the same figures for larger instances.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CampaignDetail,
  ConnectionDetails,
  JobInfo,
  ReviewItem,
  ReviewItemsPage,
  ScanStatus,
} from '../../src-preload/contract';
import { createBackend, type Backend } from '../backend/backend';
import { generateInstance } from '../smartsimple/sandbox/seed/generate';
import { ok, testKeychain } from '../test-support/channels';

const PEOPLE = 1500;
const SEED = 21;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-recommendations-'));
const { service, skip } = await testKeychain();

describe.skipIf(skip)('recommendations against the planted ground truth', () => {
  let b: Backend;
  const items: ReviewItem[] = [];
  const truth = generateInstance({ seed: SEED, people: PEOPLE }).groundTruth;

  beforeAll(async () => {
    b = await createBackend({
      dataDir,
      keychainService: service,
      sandbox: { people: PEOPLE, seed: SEED },
      consoleLog: false,
    });
    const instanceId = (await ok<ConnectionDetails>(b.invoke('sandbox:explore'))).instance.id;
    const job = await ok<JobInfo>(b.invoke('sync:start', { instanceId }));
    expect((await b.services.jobs.wait(job.id)).state).toBe('succeeded');
    const scan = await ok<ScanStatus>(b.invoke('investigate:status', { instanceId }));
    if (scan.runningJobId) expect((await b.services.jobs.wait(scan.runningJobId)).state).toBe('succeeded');
    const now = new Date(`${truth.now.replace(' ', 'T')}Z`).toISOString();
    const campaign = await ok<CampaignDetail>(
      b.invoke('reviews:create', {
        instanceId,
        name: 'Everyone',
        scope: {},
        itemKinds: ['role', 'assignment', 'access'],
        stages: [{ name: 'Administrator', reviewers: 'administrator' }],
        dueOn: now.slice(0, 10),
        defaultDecision: 'keep',
        recurrence: 'none',
        now,
      }),
    );
    for (let offset = 0; ; offset += 5000) {
      const page = await ok<ReviewItemsPage>(
        b.invoke('reviews:items', { campaignId: campaign.id, offset, limit: 5000 }),
      );
      items.push(...page.rows);
      if (items.length >= page.total) break;
    }
  }, 300_000);
  afterAll(async () => {
    await b?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const dormant = new Set(truth.dormant.map(Number));
  const outliers = new Set(truth.peerOutliers.map((o) => `${o.userId}:${o.roleId}`));
  const planted = (i: ReviewItem) =>
    dormant.has(i.personId) || (i.kind === 'role' && outliers.has(`${i.personId}:${i.roleId}`));

  it('recommends revoking every item of every planted dormant account', () => {
    expect(dormant.size).toBeGreaterThan(0);
    for (const id of dormant) {
      const mine = items.filter((i) => i.personId === id);
      expect(
        mine.some((i) => i.kind === 'access'),
        `dormant ${id} has its login access under review`,
      ).toBe(true);
      for (const i of mine) {
        expect(i.recommendation, `${i.personName}: ${i.target}`).toBe('revoke');
        expect(i.reasons.find((r) => r.decisive)?.code).toMatch(/^(no_login_90|finding)$/);
      }
    }
  });

  it('recommends revoking every planted peer outlier, saying that none of their peers hold it', () => {
    expect(outliers.size).toBeGreaterThan(0);
    for (const key of outliers) {
      const item = items.find((i) => i.kind === 'role' && `${i.personId}:${i.roleId}` === key);
      expect(item, key).toBeDefined();
      expect(item!.recommendation).toBe('revoke');
      expect(item!.reasons.map((r) => r.code)).toContain('peers_none');
      expect(item!.reasons.find((r) => r.code === 'peers_none')!.text).toMatch(/^None of their \d+ peers/);
    }
  });

  it('recommends keep for at least 95% of the items with no planted problem', () => {
    const clean = items.filter((i) => !planted(i));
    const keep = clean.filter((i) => i.recommendation === 'keep').length;
    expect(clean.length).toBeGreaterThan(2000);
    expect(keep / clean.length).toBeGreaterThanOrEqual(0.95);
  });

  it('shows why for every item: a revocation has a decisive reason, a keep has none', () => {
    for (const i of items) {
      expect(i.reasons.length, `${i.id}`).toBeGreaterThan(0);
      for (const r of i.reasons) expect(r.text.length).toBeGreaterThan(10);
      const decisive = i.reasons.filter((r) => r.decisive && r.effect === 'revoke');
      expect(decisive.length > 0).toBe(i.recommendation === 'revoke');
    }
    const role = items.find((i) => i.kind === 'role' && i.reasons.some((r) => r.code === 'peers_most'))!;
    expect(role.reasons.find((r) => r.code === 'peers_most')!.text).toMatch(
      /^\d+ of their \d+ peers \(.+\) hold it \(\d+%\)\.$/,
    );
  });
});
