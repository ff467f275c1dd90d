/**
 * What the plans tests share: a sandbox over real HTTP with a small seed, an app database on disk
 * with the sandbox registered as an instance, a client on it (the sandbox's manual clock is the
 * client's clock, and a wait for the hourly limit advances it), the mirror filled by the real sync
 * engine, and a dump of the sandbox's state to compare two applies with.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DB } from '../../db/open';
import { replaceFunctions } from '../../connect/store';
import { createInstance } from '../../instances/instances-store';
import type { JobContext } from '../../jobs/jobs-service';
import { cancelledError } from '../../jobs/jobs-service';
import { silentLogger } from '../../log/logger';
import {
  createMemoryBudget,
  type CallBudget,
  type SmartConnectClient,
  type SmartConnectClientOptions,
  type WaitEvent,
} from '../../smartsimple/client';
import type { SandboxConnection, SandboxHandle, SandboxOptions } from '../../smartsimple/sandbox';
import { startSandbox } from '../../smartsimple/sandbox';
import { clientOnSandbox, sandboxTime } from '../../smartsimple/sandbox/client-on-sandbox';
import { createWaitRelay } from '../../sync/wait-relay';
import { runSync } from '../../sync';

export const PLANS_TEST_NOW = Date.UTC(2026, 10, 1, 12);

export function startPlansSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  return startSandbox({ seed: 5, people: 300, now: PLANS_TEST_NOW, clock: 'manual', ...options });
}

/** An app database in `dir` with the sandbox registered (functions and their field lists). */
export function openPlansDb(dir: string, sb: SandboxConnection, file = 'app.sqlite'): { db: DB; instanceId: string } {
  const { db } = openDatabase(path.join(dir, file));
  const existing = db.prepare("SELECT id FROM instances WHERE name = 'Sandbox'").pluck().get() as string | undefined;
  if (existing) return { db, instanceId: existing };
  const instance = createInstance(
    db,
    { name: 'Sandbox', host: 'http://127.0.0.1', alias: sb.alias, rootCompanyId: sb.rootCompanyId, apiVersion: 1 },
    { isSandbox: true },
  );
  replaceFunctions(
    db,
    instance.id,
    Object.entries(sb.functions).map(([name, f]) => ({
      name,
      type: f.type,
      action: f.action,
      fields: f.fields,
      reportid: f.reportid ?? null,
    })),
  );
  return { db, instanceId: instance.id };
}

export interface TestClient {
  client: SmartConnectClient;
  budget: CallBudget;
  waits: { onWait: (e: WaitEvent) => void; subscribe(listener: (e: WaitEvent) => void): () => void };
}

export function makeClient(
  sb: SandboxConnection & { clock?: SandboxHandle['clock'] },
  options: { limit?: number; manualClock?: boolean; overrides?: Partial<SmartConnectClientOptions> } = {},
): TestClient {
  const sbClock = options.manualClock === false ? undefined : sb.clock;
  const clock = sbClock ? () => sbClock.now() : Date.now;
  const budget = createMemoryBudget({ limit: options.limit ?? 1000, clock });
  const waits = createWaitRelay();
  const client = clientOnSandbox(sb, {
    budget,
    logger: silentLogger,
    onWait: waits.onWait,
    timeoutMs: 2_000,
    retry: { attempts: 3, baseMs: 5, maxMs: 20 },
    ...(sbClock ? sandboxTime(sbClock) : { clock }),
    ...options.overrides,
  });
  return { client, budget, waits };
}

export interface TestJob {
  ctx: JobContext;
  controller: AbortController;
  messages: string[];
}

export function testJob(): TestJob {
  const controller = new AbortController();
  const messages: string[] = [];
  return {
    controller,
    messages,
    ctx: {
      signal: controller.signal,
      progress: (_done, _total, message) => {
        if (message && messages[messages.length - 1] !== message) messages.push(message);
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw cancelledError();
      },
    },
  };
}

/** Fills the mirror with the real sync engine, and flags privileged roles as the sandbox knows them. */
export async function syncMirror(
  db: DB,
  instanceId: string,
  client: SmartConnectClient,
  sb: SandboxHandle,
): Promise<void> {
  await runSync({
    db,
    client,
    instanceId,
    mode: 'full',
    pageSize: 1000,
    logPageSize: 5000,
    ctx: testJob().ctx,
    logger: silentLogger,
  });
  const flag = db.prepare('UPDATE mirror_roles SET privileged = ? WHERE instance_id = ? AND id = ?');
  db.transaction(() => {
    for (const role of sb.state.data.roles) flag.run(role.privileged ? 1 : 0, instanceId, role.id);
  })();
}

export interface SandboxPersonState {
  id: number;
  roles: number[];
  accessType: string;
  userType: string;
  status: string;
  title: string;
  department: string | null;
}

/** What a plan can change, as the sandbox holds it: people, and live program assignments. */
export function sandboxState(
  sb: SandboxHandle,
  personIds?: ReadonlySet<number>,
): { people: SandboxPersonState[]; assignments: string[] } {
  const people = sb.state.data.people
    .filter((p) => !p.deleted && (!personIds || personIds.has(p.id)))
    .map((p) => ({
      id: p.id,
      roles: [...p.roleIds].sort((a, b) => a - b),
      accessType: p.accessType,
      userType: p.userType,
      status: p.status,
      title: p.title,
      department: p.department,
    }));
  const assignments = sb.state.data.associations
    .filter((a) => !a.removed && (!personIds || personIds.has(a.contactId)))
    .map((a) => `${a.objectId}:${a.contactId}:${a.roleId}`)
    .sort();
  return { people, assignments };
}

/**
 * Synced mirrors by sandbox options, kept for the test file: the sandbox is deterministic, so a
 * fresh sandbox with the same options holds exactly what the copied mirror says, and each test
 * pays for a file copy instead of a sync.
 */
const templates = new Map<string, string>();

/** A sandbox, an app database for it in `dir`, and the mirror synced from it. */
export async function mirroredSandbox(
  dir: string,
  options: SandboxOptions = {},
): Promise<{ sb: SandboxHandle; db: DB; instanceId: string }> {
  const key = JSON.stringify(options);
  const template = templates.get(key);
  const sb = await startPlansSandbox(options);
  if (template && fs.existsSync(template)) {
    fs.copyFileSync(template, path.join(dir, 'app.sqlite'));
    return { sb, ...openPlansDb(dir, sb) };
  }
  const { db, instanceId } = openPlansDb(dir, sb);
  await syncMirror(db, instanceId, makeClient(sb).client, sb);
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-mirror-')), 'template.sqlite');
  db.prepare('VACUUM INTO ?').run(copy);
  templates.set(key, copy);
  return { sb, db, instanceId };
}

/** How many times each record was written by `fn`: more than once means applied twice. */
export function writesPerRecord(sb: SandboxHandle, fn: string, since = 0): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of sb.appliedWrites().filter((x) => x.function === fn && x.seq > since))
    counts.set(w.recordid, (counts.get(w.recordid) ?? 0) + 1);
  return counts;
}
