/**
 * Turns at the write lock between the app's connection and the sync's write worker.
 *
 * SQLite in WAL mode lets one connection write at a time and keeps no queue: a connection that
 * finds the lock taken sleeps and tries again (1, 2, 5 ... 100 ms apart, up to busy_timeout). A
 * worker writing short transactions back to back leaves the lock free for microseconds between
 * them, so the app's connection could keep missing it for seconds. So the app's connection says
 * when it wants to write: a counter in shared memory, raised around every statement that may
 * write. The worker looks at it before each transaction and, while it is raised, waits. The app's
 * write then waits at most for the transaction in progress (bounded, write-executor.ts).
 *
 * Read-only statements are left as they are (no cost on the reading path).
 *
 * Transactions start with BEGIN IMMEDIATE, taking the write lock first (waiting for it with the
 * busy timeout). A deferred transaction takes a read snapshot at its first SELECT, and when it then
 * writes while another connection holds or has just released the lock, SQLite answers "database is
 * locked" at once without waiting: its snapshot is stale, so waiting could not help. Nearly every
 * transaction here reads before it writes, so under a busy worker that was an intermittent
 * INTERNAL error. `.deferred()` is still there for a transaction that only reads.
 */
import type Database from 'better-sqlite3';

type DB = Database.Database;

const turns = new WeakMap<DB, Int32Array>();

/** The counter of the app's connection, to hand to a worker (`workerData`); null when it has none. */
export function writeTurnsOf(db: DB): SharedArrayBuffer | null {
  return (turns.get(db)?.buffer as SharedArrayBuffer | undefined) ?? null;
}

/** Raises the counter around `work`; the worker is woken when it falls back to zero. */
function around<T>(counter: Int32Array, work: () => T): T {
  Atomics.add(counter, 0, 1);
  try {
    return work();
  } finally {
    if (Atomics.sub(counter, 0, 1) === 1) Atomics.notify(counter, 0);
  }
}

function guardStatement(counter: Int32Array, statement: Database.Statement): Database.Statement {
  if (statement.readonly) return statement;
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = statement[method] as (...args: unknown[]) => unknown;
    Object.defineProperty(statement, method, {
      value: (...args: unknown[]) => around(counter, () => original.apply(statement, args)),
      configurable: true,
      writable: true,
    });
  }
  return statement;
}

type TransactionFn = ReturnType<DB['transaction']>;

/** The same transaction function, IMMEDIATE unless told otherwise, announced for its whole length. */
function immediateTransactions(counter: Int32Array, transaction: DB['transaction']): DB['transaction'] {
  return ((fn: (...args: unknown[]) => unknown) => {
    const tx = transaction(fn) as TransactionFn;
    const announced = (variant: (...args: unknown[]) => unknown) =>
      function (this: unknown, ...args: unknown[]) {
        return around(counter, () => variant.apply(this, args));
      };
    const wrapped = announced(tx.immediate);
    const variants = {
      default: announced(tx.immediate),
      deferred: announced(tx.deferred),
      immediate: announced(tx.immediate),
      exclusive: announced(tx.exclusive),
    };
    for (const [name, value] of Object.entries(variants)) Object.defineProperty(wrapped, name, { value });
    return wrapped;
  }) as DB['transaction'];
}

/** Makes the app's connection announce its writes. Call once, right after opening it. */
export function announceWrites(db: DB): void {
  if (turns.has(db)) return;
  const counter = new Int32Array(new SharedArrayBuffer(4));
  turns.set(db, counter);
  const prepare = db.prepare.bind(db);
  const exec = db.exec.bind(db);
  const transaction = db.transaction.bind(db);
  Object.defineProperty(db, 'prepare', {
    value: (source: string) => guardStatement(counter, prepare(source)),
    configurable: true,
    writable: true,
  });
  Object.defineProperty(db, 'exec', {
    value: (source: string) => around(counter, () => exec(source)),
    configurable: true,
    writable: true,
  });
  Object.defineProperty(db, 'transaction', {
    value: immediateTransactions(counter, transaction),
    configurable: true,
    writable: true,
  });
}

/**
 * The worker's side: returns once the app's connection does not want to write, or after `maxMs`
 * (the app holding it that long is the app's business; the worker's own busy timeout applies then).
 * Says whether it had to give way, and for how long.
 */
export function waitForAppWrites(buffer: SharedArrayBuffer, maxMs = 2000): { gaveWay: boolean; ms: number } {
  const counter = new Int32Array(buffer);
  const started = performance.now();
  let gaveWay = false;
  for (;;) {
    const wanted = Atomics.load(counter, 0);
    const ms = performance.now() - started;
    if (wanted === 0 || ms >= maxMs) return { gaveWay, ms };
    gaveWay = true;
    Atomics.wait(counter, 0, wanted, Math.min(50, maxMs - ms));
  }
}
