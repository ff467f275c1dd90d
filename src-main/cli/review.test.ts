/**
 * `desk review create|status|export|import --json` and `desk licenses --json` as a script runs
 * them: the real commands in child processes on the built-in sandbox. The licence figures are
 * checked against a count of our own over the mirror's SQLite file (accounts read row by row,
 * seats told apart here, the concurrency peak found by counting open sessions at each start).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, SecretRegistry } from '../log/logger';
import { DATABASE_FILE } from '../backend/backend';
import { createVault } from '../vault/vault';
import { runDesk } from './test-support/run-desk';

const SERVICE = `Admin Desk review-cli-test ${crypto.randomUUID()}`;
const available = (
  await createVault({ secrets: new SecretRegistry(), logger: silentLogger, service: SERVICE }).status()
).available;
const required = process.env.ADMIN_DESK_REQUIRE_KEYCHAIN === '1';
const NOW = '2026-11-20T12:00:00.000Z';

const desk = (args: string[]) => runDesk(args, { ADMIN_DESK_KEYCHAIN_SERVICE: SERVICE });

const seconds = (wire: string) => Date.parse(`${wire.replace(' ', 'T')}Z`) / 1000;

/** How many of the sorted values are <= v (or < v when strict). */
function countUpTo(sorted: number[], v: number, strict = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? sorted[mid]! < v : sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Our own count over the mirror: licensed accounts by seat, dormant ones, the peak of open sessions by hour of day. */
function independentCount(file: string, asOf: number, openMinutes: number) {
  const db = new Database(file, { readonly: true });
  try {
    const people = db
      .prepare(
        'SELECT id, is_external, access_type, user_type, status, deleted_at, last_login, created FROM mirror_people',
      )
      .all() as Record<string, string | number | null>[];
    const sessions = db.prepare('SELECT user_id, started_at, ended_at FROM mirror_login_sessions').all() as {
      user_id: number;
      started_at: string;
      ended_at: string | null;
    }[];
    const latest = new Map<number, number>();
    for (const s of sessions) latest.set(s.user_id, Math.max(latest.get(s.user_id) ?? 0, seconds(s.started_at)));
    const seats = { admin: 0, full: 0, portal: 0, api: 0 };
    let dormant = 0;
    for (const p of people) {
      if (p.deleted_at !== null || p.status === 'Inactive' || !['1', '5'].includes(String(p.access_type))) continue;
      const seat =
        p.access_type === '5'
          ? 'api'
          : ['30', '40'].includes(String(p.user_type))
            ? 'admin'
            : p.is_external
              ? 'portal'
              : 'full';
      seats[seat]++;
      const last = Math.max(p.last_login ? seconds(String(p.last_login)) : 0, latest.get(Number(p.id)) ?? 0);
      const since = last || (p.created ? seconds(String(p.created)) : NaN);
      if (seat !== 'api' && (asOf - since) / 86_400 >= 90) dormant++;
    }
    const spans = sessions.map((s) => {
      const start = seconds(s.started_at);
      const end = s.ended_at ? seconds(s.ended_at) : NaN;
      return [start, end >= start ? end : start + openMinutes * 60] as const;
    });
    const starts = spans.map((s) => s[0]).sort((a, b) => a - b);
    const ends = spans.map((s) => s[1]).sort((a, b) => a - b);
    // Open at t: started at or before t, not yet ended (an end at t closes before a start at t).
    const openAt = (t: number) => countUpTo(starts, t) - countUpTo(ends, t);
    // Open just after the hour began, from sessions that started before it.
    const carried = (t: number) => countUpTo(starts, t, true) - countUpTo(ends, t);
    const byHour = new Array<number>(24).fill(0);
    const hourOf = (t: number) => Math.floor((t % 86_400) / 3600);
    for (const t of starts) byHour[hourOf(t)] = Math.max(byHour[hourOf(t)]!, openAt(t));
    const first = Math.floor(starts[0]! / 3600);
    const last = Math.floor(ends[ends.length - 1]! / 3600);
    for (let h = first; h <= last; h++) byHour[h % 24] = Math.max(byHour[h % 24]!, carried(h * 3600));
    return {
      seats,
      licensed: seats.admin + seats.full + seats.portal + seats.api,
      dormant,
      byHour,
      sessions: spans.length,
    };
  } finally {
    db.close();
  }
}

describe.skipIf(!available && !required)('desk review and desk licenses', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-review-cli-'));

  beforeAll(async () => {
    const connect = await desk(['--data', dir, 'connect', '--sandbox', '--people', '600', '--seed', '5']);
    expect(connect.code, connect.stderr).toBe(0);
    const sync = await desk(['--data', dir, 'sync']);
    expect(sync.code, sync.stderr).toBe(0);
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('desk licenses --json: seats, dormant accounts and the peak by hour match our own count over the mirror', async () => {
    const run = await desk([
      '--data',
      dir,
      'licenses',
      '--json',
      '--now',
      NOW,
      '--cost',
      'admin=900,full=400,portal=50',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    const own = independentCount(path.join(dir, DATABASE_FILE), Date.parse(NOW) / 1000, report.peak.openSessionMinutes);
    expect(own.licensed).toBeGreaterThan(100);
    expect(report.licensed).toBe(own.licensed);
    for (const seat of report.seats)
      expect([seat.type, seat.accounts]).toEqual([seat.type, own.seats[seat.type as 'full']]);
    expect(report.seats.find((s: { type: string }) => s.type === 'full').total).toBe(own.seats.full * 400);
    expect(report.dormant.accounts).toBe(own.dormant);
    expect(own.dormant).toBeGreaterThan(0);
    expect(report.peak.sessions).toBe(own.sessions);
    expect(report.peak.byHour.map((h: { peak: number }) => h.peak)).toEqual(own.byHour);
    expect(report.peak.overall.sessions).toBe(Math.max(...own.byHour));
    const dormantRec = report.recommendations.find((r: { kind: string }) => r.kind === 'deactivate_dormant');
    expect(dormantRec.saving).toBeGreaterThan(0);
    // The costs given were kept for the instance.
    const again = JSON.parse((await desk(['--data', dir, 'licenses', '--json', '--now', NOW])).stdout);
    expect(again.settings.costs).toMatchObject({ admin: 900, full: 400, portal: 50 });
    const bad = await desk(['--data', dir, 'licenses', '--cost', 'gold=5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--cost takes/);
  }, 120_000);

  it('desk review create, status, export and import a campaign; an edited fingerprint is refused', async () => {
    const created = await desk([
      '--data',
      dir,
      'review',
      'create',
      '--json',
      '--name',
      'Q4 externals',
      '--side',
      'external',
      '--kinds',
      'role,access',
      '--now',
      NOW,
    ]);
    expect(created.code, created.stderr).toBe(0);
    const campaign = JSON.parse(created.stdout);
    expect(campaign.counts.items).toBeGreaterThan(0);
    expect(campaign.itemKinds).toEqual(['role', 'access']);
    const out = path.join(dir, 'workbook.csv');
    const exported = await desk([
      '--data',
      dir,
      'review',
      'export',
      campaign.id,
      '--format',
      'csv',
      '--out',
      out,
      '--json',
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    const table = parse(fs.readFileSync(out, 'utf8')) as string[][];
    const col = table[0]!.indexOf('decision');
    table[1]![col] = 'revoke';
    table[2]![col] = 'keep';
    const tampered = table.map((row) => [...row]);
    tampered[1]![table[0]!.indexOf('fingerprint')] = 'x'.repeat(16);
    fs.writeFileSync(path.join(dir, 'bad.csv'), stringify(tampered));
    const refused = await desk(['--data', dir, 'review', 'import', campaign.id, path.join(dir, 'bad.csv')]);
    expect(refused.code).not.toBe(0);
    fs.writeFileSync(out, stringify(table));
    const imported = await desk(['--data', dir, 'review', 'import', campaign.id, out, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).imported).toBe(2);
    const status = JSON.parse((await desk(['--data', dir, 'review', 'status', campaign.id, '--json'])).stdout);
    expect(status.counts.decided).toBe(2);
    const listed = JSON.parse((await desk(['--data', dir, 'review', 'status', '--json'])).stdout);
    expect(listed.campaigns.map((c: { id: string }) => c.id)).toContain(campaign.id);
    const noName = await desk(['--data', dir, 'review', 'create']);
    expect(noName.code).toBe(2);
  }, 180_000);
});
