/**
 * The load the figures are measured under: a second process that keeps one CPU busy (a
 * tight loop of floating-point work, at normal priority), started by a benchmark around what it
 * measures. On a 2-core machine the app then has one core to itself at best, as on an
 * administrator's laptop busy with something else. Benchmarks print `describeLoad()` with their
 * figures: how many such processes ran, and the machine's load average (others may add to it).
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

export interface CpuLoad {
  readonly processes: number;
  stop(): Promise<void>;
}

/** Starts `processes` busy children (default BENCH_LOAD_PROCESSES, else 1; 0 for none). */
export async function startCpuLoad(processes = Number(process.env.BENCH_LOAD_PROCESSES ?? 1)): Promise<CpuLoad> {
  const children: ChildProcess[] = [];
  for (let i = 0; i < processes; i++) {
    // `--import tsx`: the child runs this source file, also when the bench itself runs bundled.
    const child = fork(fileURLToPath(import.meta.url), ['--busy'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: ['--import', 'tsx'],
    });
    // A child that fails to start says so, rather than leaving the bench waiting for ever.
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the CPU-busy process stopped before it started (code ${code})`)));
    });
    children.push(child);
  }
  return {
    processes,
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

/** One line for a benchmark's output: the load it ran under. */
export function describeLoad(load: CpuLoad | null): string {
  const [one] = os.loadavg();
  const busy =
    load && load.processes > 0
      ? `${load.processes} CPU-busy process${load.processes > 1 ? 'es' : ''} started by the benchmark`
      : 'no CPU-busy process started by the benchmark';
  return `load: ${busy}; load average ${one?.toFixed(2)} on ${os.cpus().length} CPUs`;
}

function busyLoop(): void {
  process.send?.('busy');
  let x = 0;
  // Chunks of work with a turn of the event loop between them, so SIGTERM and a disconnect end it.
  const spin = () => {
    const until = Date.now() + 200;
    while (Date.now() < until) x = Math.sqrt(x + Math.random()) * 1.0000001;
    setImmediate(spin);
  };
  process.on('disconnect', () => process.exit(0));
  spin();
}

if (process.argv.includes('--busy')) busyLoop();
