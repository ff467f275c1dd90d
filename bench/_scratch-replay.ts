// Replays a synced mirror's records through the batch executor, page by page, like a full sync.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from '../src-main/db/open';
import { createInstance } from '../src-main/instances/instances-store';
import { type WriteOp } from '../src-main/sync/write-batch';
import { createBatchExecutor } from '../src-main/sync/write-executor';
import { createSyncRun } from '../src-main/sync/store';
import type { SyncEntity } from '../src-main/sync/types';
import { threadCpuMs } from '../src-main/sync/thread-cpu';

const src = new Database(process.env.SRC ?? '/tmp/perfx/mirror-100000.sqlite', { readonly: true });
const out = '/tmp/perfx/replay.sqlite';
for (const f of [out, out + '-wal', out + '-shm']) fs.rmSync(f, { force: true });
const { db } = openDatabase(out);
const inst = createInstance(db, { name: 'B', host: 'http://127.0.0.1:1', alias: 'x', rootCompanyId: '1', apiVersion: 1 });
db.pragma('cache_size = -65536'); if (process.env.NOFTS) db.exec('DROP TRIGGER mirror_people_fts_insert');
db.pragma('wal_autocheckpoint = 10000');
const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
const load = (sql: string) => src.prepare(sql).all() as Record<string, unknown>[];
const data: [SyncEntity, Record<string, string | null>[], number][] = [
  ['roles', load('SELECT raw FROM mirror_roles').map((r) => JSON.parse(r.raw as string)), 100000],
  ['organizations', load('SELECT raw FROM mirror_organizations ORDER BY id').map((r) => JSON.parse(r.raw as string)), Number(process.env.PAGE ?? 1000)],
  ['people', load('SELECT r.raw FROM mirror_people p JOIN mirror_people_raw r USING (key) ORDER BY p.id').map((r) => JSON.parse(r.raw as string)), Number(process.env.PAGE ?? 1000)],
  ['programs', load('SELECT raw FROM mirror_programs ORDER BY id').map((r) => JSON.parse(r.raw as string)), Number(process.env.PAGE ?? 1000)],
  ['assignments', load('SELECT raw FROM mirror_program_assignments ORDER BY association_id').map((r) => JSON.parse(r.raw as string)), Number(process.env.PAGE ?? 1000)],
  ['access_events', load('SELECT event_id, user_id, action, detail, changed_by, at FROM mirror_access_events ORDER BY key').map((r) => ({ eventid: s(r.event_id), userid: s(r.user_id), action: s(r.action), detail: s(r.detail), changed_by: s(r.changed_by), timestamp: s(r.at) })), 5000],
  ['login_sessions', load('SELECT session_id, user_id, started_at, ended_at, ip, user_agent FROM mirror_login_sessions ORDER BY key').map((r) => ({ sessionid: s(r.session_id), userid: s(r.user_id), session_start: s(r.started_at), session_end: s(r.ended_at), ip: s(r.ip), user_agent: s(r.user_agent) })), 5000],
];
const exec = createBatchExecutor(db, inst.id);
const run = createSyncRun(db, inst.id, 'full', new Date().toISOString());
const at = new Date().toISOString();
const times: Record<string, { ms: number; max: number; n: number; cpu: number }> = {};
let totalCpu = 0, total = 0, maxAll = 0, maxWhat = '';
const commit = (what: string, ops: WriteOp[]) => {
  const t = performance.now(); const c0 = threadCpuMs()!;
  const r = exec({ runId: run.id, at, ops, calls: 1 });
  const ms = performance.now() - t; const cpu = threadCpuMs()! - c0;
  const x = (times[what] ??= { ms: 0, max: 0, n: 0, cpu: 0 });
  x.cpu += cpu; totalCpu += cpu; x.ms += ms; x.n++; x.max = Math.max(x.max, ms); total += ms;
  if (ms > maxAll) { maxAll = ms; maxWhat = what; }
  return r;
};
const only = process.env.ONLY?.split(',');
for (const [entity, records, size] of data) {
  if (only && !only.includes(entity) && entity !== 'organizations' && entity !== 'roles') continue;
  const track = entity !== 'access_events' && entity !== 'login_sessions';
  const cursor = { instanceId: inst.id, entity, phase: 'full' as const, runId: run.id, since: null, afterId: 0, pages: 0, records: 0, maxSeen: null, passStartedMs: 0, total: null, watermark: null, lastCount: null, completedAt: null };
  commit(`${entity}:begin`, [...(track ? [{ op: 'clearSeen', entity } as WriteOp] : []), { op: 'restoreIndexes', entity }, ...(process.env.NODEFER ? [] : [{ op: 'deferIndexes', entity } as WriteOp]), { op: 'cursor', cursor }]);
  const idField = Object.keys(records[0] ?? {})[0]!;
  for (let i = 0; i < records.length; i += size) {
    const page = records.slice(i, i + size) as never[];
    const ids = track ? page.map((r: Record<string, string>) => Number(r.recordid ?? r[idField])) : null;
    commit(`${entity}:page`, [{ op: 'apply', entity, records: page }, ...(ids ? [{ op: 'seen', entity, ids } as WriteOp] : []), { op: 'cursor', cursor: { ...cursor, pages: i / size + 1 } }]);
  }
  if (track) for (let after: number | null = 0; after !== null; ) after = commit(`${entity}:unseen`, [{ op: 'markUnseen', entity, afterId: after, limit: 5000 }]).unseenLastId ?? null;
  commit(`${entity}:end`, [...(track ? [{ op: 'clearSeen', entity } as WriteOp] : []), { op: 'restoreIndexes', entity }, { op: 'endPass', cursor }]);
}
for (const [k, v] of Object.entries(times)) console.log(k.padEnd(28), v.ms.toFixed(0).padStart(7), 'ms', 'n', String(v.n).padStart(4), 'max', v.max.toFixed(0), 'cpu', v.cpu.toFixed(0));
console.log('total', total.toFixed(0), 'ms; cpu', totalCpu.toFixed(0), '; longest', maxAll.toFixed(0), maxWhat);
