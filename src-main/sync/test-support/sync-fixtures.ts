/**
 * What the sync tests share: a sandbox with a small seed, a client on it (its fake time can be the
 * sandbox's manual clock, so a wait for the hourly limit moves both), a job context that records
 * progress, and dumps of the mirror for comparing one sync with another.
 */
import type { DB } from '../../db/open';
import type { JobContext } from '../../jobs/jobs-service';
import { cancelledError as jobCancelled } from '../../jobs/jobs-service';
import { silentLogger } from '../../log/logger';
import type { CallBudget, SmartConnectClient, SmartConnectClientOptions } from '../../smartsimple/client';
import { createMemoryBudget } from '../../smartsimple/client';
import type { SandboxConnection, SandboxHandle, SandboxOptions } from '../../smartsimple/sandbox';
import { startSandbox } from '../../smartsimple/sandbox';
import { clientOnSandbox, sandboxTime } from '../../smartsimple/sandbox/client-on-sandbox';
import type { WaitRelay } from '../wait-relay';
import { createWaitRelay } from '../wait-relay';

export const SYNC_TEST_NOW = Date.UTC(2026, 10, 1, 12);

export function startSyncSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  return startSandbox({ seed: 11, people: 300, now: SYNC_TEST_NOW, clock: 'manual', ...options });
}

export interface SyncClient {
  client: SmartConnectClient;
  budget: CallBudget;
  waits: WaitRelay;
}

/**
 * A client on the sandbox. With `sandboxClock` the client's clock and sleep are the sandbox's
 * manual clock: a wait for the budget advances it instead of sleeping.
 */
export function makeSyncClient(
  connection: SandboxConnection,
  options: {
    limit?: number;
    sandboxClock?: SandboxHandle['clock'];
    overrides?: Partial<SmartConnectClientOptions>;
  } = {},
): SyncClient {
  const clockSource = options.sandboxClock;
  const clock = clockSource ? () => clockSource.now() : Date.now;
  const budget = createMemoryBudget({ limit: options.limit ?? 1000, clock });
  const waits = createWaitRelay();
  const client = clientOnSandbox(connection, {
    budget,
    logger: silentLogger,
    onWait: waits.onWait,
    timeoutMs: 10_000,
    retry: { attempts: 3, baseMs: 20, maxMs: 100 },
    ...(clockSource ? sandboxTime(clockSource) : { clock }),
    ...options.overrides,
  });
  return { client, budget, waits };
}

export interface ProgressEvent {
  done: number;
  total: number | null | undefined;
  message: string | null | undefined;
}

export interface TestJob {
  ctx: JobContext;
  controller: AbortController;
  events: ProgressEvent[];
}

export function testJob(): TestJob {
  const controller = new AbortController();
  const events: ProgressEvent[] = [];
  return {
    controller,
    events,
    ctx: {
      signal: controller.signal,
      progress: (done, total, message) => void events.push({ done, total, message }),
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw jobCancelled();
      },
    },
  };
}

/** Requests the sandbox saw for a function (from `since`, an index into the log). */
export function callsTo(sb: SandboxHandle, fn: string, since = 0): number {
  return sb.requestLog.slice(since).filter((e) => e.function === fn).length;
}

/** Names of the indexes of the mirror's tables (a first full sync drops some while it fills them). */
export function mirrorIndexes(db: DB): string[] {
  return db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'mirror_%' ORDER BY name")
    .pluck()
    .all() as string[];
}

/** The mirror as rows, minus bookkeeping that legitimately differs between two syncs. */
export function dumpMirror(db: DB, instanceId: string): Record<string, unknown[]> {
  const tables: [string, string][] = [
    ['mirror_people', 'id'],
    ['mirror_organizations', 'id'],
    ['mirror_roles', 'id'],
    ['mirror_role_holdings', 'role_id, person_id'],
    ['mirror_programs', 'id'],
    ['mirror_program_assignments', 'association_id'],
    ['mirror_access_events', 'event_id'],
    ['mirror_login_sessions', 'session_id'],
  ];
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of tables) {
    // Keys carry the instance's ordinal, which may differ between two databases.
    const rows = db.prepare(`SELECT * FROM ${table} WHERE instance_id = ? ORDER BY ${order}`).all(instanceId) as Record<
      string,
      unknown
    >[];
    out[table] = rows.map(({ instance_id: _i, key: _k, user_key: _u, ...rest }) => rest);
  }
  out.mirror_people_raw = db
    .prepare(
      'SELECT p.id, r.raw FROM mirror_people p JOIN mirror_people_raw r ON r.key = p.key WHERE p.instance_id = ? ORDER BY p.id',
    )
    .all(instanceId);
  return out;
}
