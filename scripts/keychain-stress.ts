/**
 * Keychain stress: can the vault be crashed or made to fail by concurrency? App processes drive
 * the vault with several calls at once per round (set, get, list an instance's secrets, delete,
 * remove an instance, status) while churn processes add and delete entries under the same
 * Secret Service name, as another program (or another e2e worker) would. The parent reports
 * rounds, calls, failures by message, GLib criticals and crashes (a child killed by a signal).
 *
 *   npm run stress:keychain -- --rounds 500 [--apps 1] [--churners 2]
 *
 * It always runs against a throwaway Secret Service (dbus-run-session + gnome-keyring-daemon with
 * its own keyring folder), never the desktop's keyring. Not part of `npm test`: it takes minutes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SecretRegistry, createLogger, type LogRecord } from '../src-main/log/logger';
import { createVault, type KeychainBackend, type SecretRef } from '../src-main/vault/vault';

const SERVICE = 'Admin Desk keychain stress';
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const role = args.includes('--role') ? args[args.indexOf('--role') + 1] : 'parent';

/** The same node, loader flags and script, with other arguments (tsx's loader comes along). */
function self(extra: string[], stdio: 'pipe' | 'inherit' = 'pipe'): ChildProcess {
  return spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...extra], {
    stdio: ['pipe', stdio, stdio],
    env: { ...process.env, KEYCHAIN_STRESS_INNER: '1' },
  });
}

async function loadKeytar(): Promise<KeychainBackend> {
  const mod = (await import('keytar')) as unknown as { default?: KeychainBackend } & KeychainBackend;
  return mod.default ?? mod;
}

/** Adds and deletes entries of its own under the shared service until its stdin closes. */
async function churn(): Promise<void> {
  const k = await loadKeytar();
  let stop = false;
  process.stdin.on('end', () => (stop = true)).resume();
  let ops = 0;
  let errors = 0;
  for (let i = 0; !stop; i++) {
    const account = `churn/${process.pid}/${i % 8}`;
    try {
      await k.setPassword(SERVICE, account, `value-${i}`);
      await k.deletePassword(SERVICE, account);
    } catch {
      errors++;
    }
    ops += 2;
  }
  process.stdout.write(`${JSON.stringify({ ops, errors })}\n`);
}

/** One round: the calls the app makes at once, each settled on its own. */
function roundCalls(vault: ReturnType<typeof createVault>, a: string, b: string, r: number) {
  const password: SecretRef = { kind: 'password', instanceId: a };
  return [
    vault.set({ kind: 'token', instanceId: a, functionName: `fn${r}` }, `token-${r}~`),
    vault.get(password).then((v) => {
      if (v !== 'stress-password') throw new Error(`read back ${v === null ? 'nothing' : 'another value'}`);
    }),
    vault.instanceStatus(a).then((s) => {
      if (!s.password) throw new Error('the listing lost the password');
    }),
    vault.delete({ kind: 'token', instanceId: a, functionName: `fn${r - 1}` }),
    vault.status().then((s) => {
      if (!s.available) throw new Error(`status: ${s.reason}`);
    }),
    // Two calls in a row: a short-lived instance is created and removed.
    vault.set({ kind: 'password', instanceId: b }, `b-${r}`).then(() => vault.deleteInstance(b)),
  ];
}
const CALLS_PER_ROUND = 7;

/** The keychain's own error behind a failed vault call (the vault logs it, then says "no keychain"). */
function causeOf(r: LogRecord): string | null {
  const e = r.fields?.error as { message?: string } | string | undefined;
  if (r.level === 'debug' || r.level === 'info' || !e) return null;
  const text = typeof e === 'string' ? e : (e.message ?? JSON.stringify(e));
  return `keychain said: ${text.replace(/\/\d+\b/g, '/N')}`;
}

async function app(rounds: number): Promise<void> {
  const failures: Record<string, number> = {};
  const tally = (m: string) => (failures[m] = (failures[m] ?? 0) + 1);
  const logger = createLogger('stress', { sinks: [(r) => void (causeOf(r) && tally(causeOf(r)!))] });
  const vault = createVault({ secrets: new SecretRegistry(), logger, service: SERVICE });
  const a = `stress-a-${process.pid}`;
  const b = `stress-b-${process.pid}`;
  const fail = (err: unknown) => tally(`failed: ${err instanceof Error ? err.message : String(err)}`);
  await vault.set({ kind: 'password', instanceId: a }, 'stress-password').catch(fail);
  // A line per round, so a crash still tells how far it got.
  for (let r = 1; r <= rounds; r++) {
    for (const s of await Promise.allSettled(roundCalls(vault, a, b, r))) if (s.status === 'rejected') fail(s.reason);
    process.stdout.write(`${JSON.stringify({ rounds: r, calls: r * CALLS_PER_ROUND, failures })}\n`);
  }
  await vault.deleteInstance(a).catch(fail);
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}
function outcome(child: ChildProcess): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

async function parent(): Promise<void> {
  const rounds = arg('rounds', 100);
  const apps = arg('apps', 1);
  const churners = arg('churners', 2);
  const started = Date.now();
  const churn = Array.from({ length: churners }, () => self(['--role', 'churn']));
  const churnDone = churn.map(outcome);
  const appDone = await Promise.all(
    Array.from({ length: apps }, () => outcome(self(['--role', 'app', '--rounds', String(rounds)]))),
  );
  for (const c of churn) c.stdin?.end();
  const churnOut = await Promise.all(churnDone);

  let calls = 0;
  let done = 0;
  let failed = 0;
  const messages: Record<string, number> = {};
  const crashes: string[] = [];
  for (const o of appDone) {
    if (o.signal || o.code !== 0) crashes.push(`app ${o.signal ? `signal=${o.signal}` : `exit ${o.code}`}`);
    const last = o.stdout.trim().split('\n').pop();
    const report = last?.startsWith('{')
      ? (JSON.parse(last) as { rounds: number; calls: number; failures: Record<string, number> })
      : null;
    calls += report?.calls ?? 0;
    done += report?.rounds ?? 0;
    for (const [m, n] of Object.entries(report?.failures ?? {})) {
      if (m.startsWith('failed:')) failed += n;
      messages[m] = (messages[m] ?? 0) + n;
    }
  }
  for (const o of churnOut) if (o.signal) crashes.push(`churn signal=${o.signal}`);
  const stderr = [...appDone, ...churnOut].map((o) => o.stderr).join('\n');
  const criticals = stderr.split('\n').filter((l) => /CRITICAL|WARNING \*\*/.test(l));
  const churnOps = churnOut.reduce(
    (n, o) => n + ((JSON.parse(o.stdout.trim() || '{"ops":0}') as { ops: number }).ops ?? 0),
    0,
  );

  console.log(`keychain stress: ${apps} app process(es) x ${rounds} rounds, ${churners} churn process(es)`);
  console.log(`  rounds completed: ${done} of ${rounds * apps}`);
  console.log(`  app calls: ${calls}, failed: ${failed}, crashes: ${crashes.length ? crashes.join(', ') : 0}`);
  console.log(`  churn calls (add + delete under the same service): ${churnOps}`);
  console.log(`  GLib criticals/warnings on stderr: ${criticals.length}`);
  for (const l of [...new Set(criticals)].slice(0, 5)) console.log(`    ${l.trim()}`);
  for (const [m, n] of Object.entries(messages)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 8))
    console.log(`  ${n} x ${m}`);
  console.log(`  ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = failed || crashes.length ? 1 : 0;
}

/** Re-runs this script inside a throwaway Secret Service with a keyring folder of its own. */
async function inThrowawayKeyring(): Promise<void> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-keyring-'));
  const inner = [process.execPath, ...process.execArgv, process.argv[1]!, ...args];
  const script =
    'export XDG_DATA_HOME="$KEYRING_HOME"; echo -n stress | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"';
  const child = spawn('dbus-run-session', ['--', 'bash', '-c', script, 'bash', ...inner], {
    stdio: 'inherit',
    env: { ...process.env, KEYRING_HOME: home, KEYCHAIN_STRESS_INNER: '1' },
  });
  const { code } = await outcome(child);
  fs.rmSync(home, { recursive: true, force: true });
  process.exitCode = code ?? 1;
}

if (role === 'churn') await churn();
else if (role === 'app') await app(arg('rounds', 100));
else if (process.env.KEYCHAIN_STRESS_INNER !== '1') await inThrowawayKeyring();
else await parent();
