/**
 * The sandbox instance in a child process, for benchmarks: the syncing process then measures its
 * own event loop, memory and CPU alone. The child runs at a lower CPU priority (nice 10, or
 * BENCH_SANDBOX_NICE): it stands for a server on other machines, and on a 2-core box its page
 * queries would otherwise take the CPU from the writes being timed; at the lowest priority it
 * would starve on a machine others keep busy. Its hourly limit is raised so a run is not hours
 * long (benchmarks print the budget a run would use).
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { SandboxConnection, SandboxHandle } from '../../src-main/smartsimple/sandbox';
import { startSandbox } from '../../src-main/smartsimple/sandbox';

export interface SandboxSizes {
  people: number;
  organizations: number;
  roles: number;
  programs: number;
  assignments: number;
  accessEvents: number;
  sessions: number;
}

export interface SandboxChildOptions {
  people: number;
  roles?: number;
  latencyMs: number;
  seed?: number;
}

type Request = { type: 'change'; n: number } | { type: 'requests' } | { type: 'stop' };
type Reply =
  | { type: 'started'; connection: SandboxConnection; sizes: SandboxSizes }
  | { type: 'changed'; roleChanges: number }
  | { type: 'requests'; count: number };

export interface SandboxChild {
  connection: SandboxConnection;
  sizes: SandboxSizes;
  /** Requests the sandbox has answered so far (every call, counted or not). */
  requests(): Promise<number>;
  /** `n` people changed on the server (titles; a profile role added for every fifth, logged). */
  change(n: number): Promise<{ roleChanges: number }>;
  stop(): Promise<void>;
}

function sizesOf(sb: SandboxHandle): SandboxSizes {
  const { data } = sb.state;
  const live = new Set(data.people.filter((p) => !p.deleted).map((p) => p.id));
  const programs = new Set(data.programs.filter((p) => !p.deleted).map((p) => p.id));
  return {
    people: live.size,
    organizations: data.companies.filter((c) => !c.deleted).length,
    roles: data.roles.length,
    programs: programs.size,
    assignments: data.associations.filter((a) => !a.removed && programs.has(a.objectId) && live.has(a.contactId))
      .length,
    accessEvents: data.accessLog.length,
    sessions: data.sessions.length,
  };
}

function change(sb: SandboxHandle, n: number): number {
  const { state, clock } = sb;
  const people = state.data.people.filter((p) => !p.deleted && p.accessType !== '5');
  const role =
    state.data.roles.find((r) => !r.utaOnly && r.name === 'Report Viewer') ?? state.data.roles.find((r) => !r.utaOnly);
  let roleChanges = 0;
  for (let i = 0; i < n; i++) {
    const p = people[Math.floor((i * people.length) / n)];
    if (!p) continue;
    const now = clock.now();
    p.title = `${p.title} (acting)`;
    if (i % 5 === 0 && role && !p.roleIds.includes(role.id)) {
      p.roleIds = [...p.roleIds, role.id].sort((a, b) => a - b);
      state.logAccess(p.id, 'role_added', state.data.apiAccount.personId, now, `,${role.id},`);
      roleChanges++;
    }
    p.lastUpdated = now;
  }
  state.touch();
  return roleChanges;
}

function ask<T extends Reply['type']>(
  child: ChildProcess,
  request: Request | null,
  type: T,
): Promise<Extract<Reply, { type: T }>> {
  return new Promise((resolve) => {
    const onMessage = (r: Reply) => {
      if (r.type !== type) return;
      child.off('message', onMessage);
      resolve(r as Extract<Reply, { type: T }>);
    };
    child.on('message', onMessage);
    if (request) child.send(request);
  });
}

export async function startSandboxChild(options: SandboxChildOptions): Promise<SandboxChild> {
  // `--import tsx`: the sandbox runs from this source file, also when the bench runs bundled (run-bundled.ts).
  const child = fork(fileURLToPath(import.meta.url), ['--sandbox-child', JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: ['--import', 'tsx'],
  });
  if (child.pid) os.setPriority(child.pid, Number(process.env.BENCH_SANDBOX_NICE ?? 10));
  const { connection, sizes } = await ask(child, null, 'started');
  return {
    connection,
    sizes,
    requests: async () => (await ask(child, { type: 'requests' }, 'requests')).count,
    change: async (n) => ({ roleChanges: (await ask(child, { type: 'change', n }, 'changed')).roleChanges }),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies Request);
      await exited;
    },
  };
}

async function runChild(options: SandboxChildOptions): Promise<void> {
  const sb = await startSandbox({
    seed: options.seed ?? 42,
    people: options.people,
    ...(options.roles ? { roles: options.roles } : {}),
    latencyMs: options.latencyMs,
    hourlyLimit: 1_000_000_000,
    clock: 'system',
  });
  const reply = (r: Reply) => process.send?.(r);
  process.on('message', (message: Request) => {
    if (message.type === 'change') reply({ type: 'changed', roleChanges: change(sb, message.n) });
    else if (message.type === 'requests') reply({ type: 'requests', count: sb.requestLog.length });
    else if (message.type === 'stop') void sb.close().then(() => process.exit(0));
  });
  process.on('disconnect', () => void sb.close().then(() => process.exit(0)));
  reply({ type: 'started', connection: sb.connection(), sizes: sizesOf(sb) });
}

const at = process.argv.indexOf('--sandbox-child');
if (at >= 0) await runChild(JSON.parse(process.argv[at + 1] ?? '{}') as SandboxChildOptions);
