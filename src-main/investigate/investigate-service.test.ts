/**
 * The investigation service through the channels, on the built-in sandbox: a sync starts a scan
 * (in its worker), findings keep their status across scans, a dismissal needs a reason, a plan
 * made from a finding goes through approval and apply, and the finding then says it was
 * remediated by that plan and clears once the mirror no longer shows the cause.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConnectionDetails,
  FindingDetail,
  FindingsPage,
  HelpSearchResult,
  InvestigateSettings,
  JobInfo,
  PersonTimeline,
  RiskOverview,
  ScanStatus,
} from '../../src-preload/contract';
import { createBackend, type Backend } from '../backend/backend';
import { ok, testKeychain } from '../test-support/channels';

// One data folder for the whole file: the tests follow one another on the same backend.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-investigate-service-'));
const { service, skip } = await testKeychain();

describe.skipIf(skip)('investigation through the channels', () => {
  let b: Backend;
  let instanceId = '';

  /** A sync, then the scan it starts, both waited for. */
  async function syncAndScan(): Promise<ScanStatus> {
    const job = await ok<JobInfo>(b.invoke('sync:start', { instanceId }));
    expect((await b.services.jobs.wait(job.id)).state).toBe('succeeded');
    const status = await ok<ScanStatus>(b.invoke('investigate:status', { instanceId }));
    expect(status.runningJobId).not.toBeNull();
    expect((await b.services.jobs.wait(status.runningJobId!)).state).toBe('succeeded');
    return ok<ScanStatus>(b.invoke('investigate:status', { instanceId }));
  }

  const findings = (input: Record<string, unknown> = {}) =>
    ok<FindingsPage>(b.invoke('investigate:findings', { instanceId, limit: 500, ...input }));

  beforeAll(async () => {
    b = await createBackend({
      dataDir,
      keychainService: service,
      sandbox: { people: 700, seed: 12 },
      consoleLog: false,
    });
    instanceId = (await ok<ConnectionDetails>(b.invoke('sandbox:explore'))).instance.id;
    await ok(b.invoke('settings:update', { administratorName: 'Ana Admin' }));
  }, 120_000);
  afterAll(async () => {
    if (instanceId) await b.services.vault.deleteInstance(instanceId).catch(() => 0);
    await b?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('scans after a sync: findings of several kinds, with counts, up to date with the mirror', async () => {
    const status = await syncAndScan();
    expect(status).toMatchObject({ stale: false, lastScan: { kind: 'full', state: 'succeeded' } });
    const page = await findings();
    expect(page.total).toBeGreaterThan(10);
    expect(page.byKind.peer_outlier).toBeGreaterThan(0);
    expect(page.byKind.dormant).toBeGreaterThan(0);
    expect(page.byKind.permission_burst).toBe(1);
    expect(page.rows[0]!.score).toBeGreaterThanOrEqual(page.rows[page.rows.length - 1]!.score);
    const dormant = await findings({ kinds: ['dormant'] });
    expect(dormant.rows.every((r) => r.kind === 'dormant')).toBe(true);
    expect(dormant.total).toBe(page.byKind.dormant);
  }, 180_000);

  it('asks a reason to dismiss, keeps the status across a full rescan, and writes it to the trail', async () => {
    const dormant = (await findings({ kinds: ['dormant'] })).rows[0]!;
    const refused = await b.invoke('investigate:setStatus', {
      instanceId,
      findingIds: [dormant.id],
      status: 'dismissed',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await findings({ statuses: ['dismissed'] })).total).toBe(0);
    await ok(
      b.invoke('investigate:setStatus', {
        instanceId,
        findingIds: [dormant.id],
        status: 'dismissed',
        reason: 'On leave until March',
      }),
    );
    const job = await ok<JobInfo>(b.invoke('investigate:scan', { instanceId, mode: 'full' }));
    expect((await b.services.jobs.wait(job.id)).state).toBe('succeeded');
    const after = (await findings({ statuses: ['dismissed'] })).rows;
    expect(after.map((r) => [r.id, r.statusReason, r.statusBy, r.detected])).toEqual([
      [dormant.id, 'On leave until March', expect.stringMatching(/^Ana Admin/), true],
    ]);
    const trail = b.services.db
      .prepare("SELECT count(*) FROM audit_trail WHERE action = 'finding.status_changed' AND subject = ?")
      .pluck()
      .get(`finding:${dormant.key}`);
    expect(trail).toBe(1);
    // The dismissal is a past resolution the help desk finds by its reason.
    const help = await ok<HelpSearchResult>(b.invoke('helpdesk:search', { instanceId, query: 'on leave until March' }));
    expect(help.passages.find((p) => p.source === 'finding')).toMatchObject({ ref: `finding:${dormant.id}` });
  }, 120_000);

  it('opens a finding with its evidence and fixes, makes a plan, and says remediated once it is applied', async () => {
    const outlier = (await findings({ kinds: ['peer_outlier'] })).rows[0]!;
    const detail = await ok<FindingDetail>(b.invoke('investigate:finding', { instanceId, findingId: outlier.id }));
    const subject = detail.evidence.roles!.find((r) => r.subject)!;
    expect(detail.remediations.map((r) => r.action)).toEqual([{ kind: 'remove_role', roleId: subject.roleId }]);
    expect(detail.person.name).toBe(outlier.personName);

    const wrong = await b.invoke('investigate:makePlan', {
      instanceId,
      findingId: outlier.id,
      action: { kind: 'revert_changes' },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const made = await ok<{ plan: { id: string; operations: { kind: string; personId: number }[] }; added: number }>(
      b.invoke('investigate:makePlan', { instanceId, findingId: outlier.id, action: detail.remediations[0]!.action }),
    );
    expect(made.added).toBe(1);
    expect(made.plan.operations).toMatchObject([{ kind: 'remove_role', personId: outlier.personId }]);
    const linked = (await findings({ kinds: ['peer_outlier'] })).rows.find((r) => r.id === outlier.id)!;
    expect(linked.plan).toMatchObject({ id: made.plan.id, state: 'draft' });
    expect(linked.status).toBe('open');

    await ok(b.invoke('plans:submit', { planId: made.plan.id }));
    await ok(b.invoke('plans:approve', { planId: made.plan.id }));
    const apply = await ok<JobInfo>(b.invoke('plans:apply', { planId: made.plan.id }));
    expect((await b.services.jobs.wait(apply.id)).state).toBe('succeeded');
    const remediated = (await findings({ statuses: ['remediated'], detected: 'all' })).rows;
    expect(remediated.map((r) => r.id)).toContain(outlier.id);

    // The next sync's scan no longer finds the role: the finding clears, still remediated.
    await syncAndScan();
    const cleared = (await findings({ detected: 'cleared' })).rows.find((r) => r.id === outlier.id);
    expect(cleared).toMatchObject({ detected: false, status: 'remediated' });
  }, 240_000);

  it('keeps rules and settings, scores risk with every contribution, and shows a timeline', async () => {
    const settings = await ok<InvestigateSettings>(b.invoke('investigate:settings', { instanceId }));
    const suggestion = settings.suggestions.find(
      (s) => /Payment Approver/.test(s.name) && /Payment Processor/.test(s.name),
    );
    expect(suggestion).toBeDefined();
    const same = await b.invoke('investigate:addSodRule', {
      instanceId,
      roleA: suggestion!.roleA.id,
      roleB: suggestion!.roleA.id,
    });
    expect(same).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const added = await ok<InvestigateSettings>(
      b.invoke('investigate:addSodRule', {
        instanceId,
        roleA: suggestion!.roleA.id,
        roleB: suggestion!.roleB.id,
        source: 'catalogue',
      }),
    );
    expect(added.rules).toHaveLength(1);
    expect(added.suggestions.some((s) => s.name === suggestion!.name)).toBe(false);
    const updated = await ok<InvestigateSettings>(
      b.invoke('investigate:updateSettings', { instanceId, settings: { dormantDays: 45 } }),
    );
    expect(updated.settings.dormantDays).toBe(45);
    expect((await ok<ScanStatus>(b.invoke('investigate:status', { instanceId }))).stale).toBe(true);

    const risk = await ok<RiskOverview>(b.invoke('investigate:risk', { instanceId, top: 5 }));
    expect(risk.top).toHaveLength(5);
    for (const p of risk.top) expect(p.score).toBe(p.contributions.reduce((s, c) => s + c.points, 0));
    expect(risk.distribution.reduce((s, d) => s + d.people, 0)).toBe(risk.people);

    const person = risk.top[0]!.personId;
    const timeline = await ok<PersonTimeline>(b.invoke('investigate:timeline', { instanceId, personId: person }));
    expect(timeline.heatmap).toHaveLength(7);
    expect(timeline.heatmap.flat().reduce((a, n) => a + n, 0)).toBe(timeline.sessions);
    expect(timeline.risk?.score).toBe(risk.top[0]!.score);
    expect(timeline.entries.length).toBeGreaterThan(0);
  }, 120_000);
});
