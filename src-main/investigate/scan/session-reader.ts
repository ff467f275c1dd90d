/**
 * A second thread for a full scan: it reads the later part of the login log over its own
 * connection while the scan's thread loads the people and reads the earlier part, so a million
 * rows are read on two cores (each row costs about a microsecond to cross from SQLite into
 * JavaScript, the largest part of a full scan).
 *
 * The main process starts it beside the scan worker (run-in-worker.ts); it waits, costing nothing,
 * until the scan says where to start (a full scan) or that it is not needed (an incremental one).
 * The scan's thread is busy in synchronous code throughout, so the two talk through shared memory
 * and a message port read synchronously (`receiveMessageOnPort`) rather than through events.
 *
 * Shared memory:
 * - `control`, Int32Array: [command: 0 wait, 1 go, 2 stop; status: 0 reading, 1 done, 2 failed;
 *   rows read so far, for the scan's progress];
 * - `keys`, Float64Array: [first key to read; the instance's key range: ordinal, base, last].
 *
 * A reader that fails answers with its error and the scan reads that part itself.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { DB } from '../../db/open';
import type { PersonKeyRange } from '../../db/mirror-keys';
import { readLogPart, type LogPart, type PartReader } from './session-pass';

const COMMAND = 0;
const STATUS = 1;
const ROWS = 2;
const [WAIT, GO, STOP] = [0, 1, 2];
const [READING, DONE, FAILED] = [0, 1, 2];

export interface ReaderChannel {
  control: SharedArrayBuffer;
  keys: SharedArrayBuffer;
  port: MessagePort;
}

/** Main process: the shared memory of a reader (the port is set by the caller, one end to each worker). */
export function readerMemory(): { control: SharedArrayBuffer; keys: SharedArrayBuffer } {
  return { control: new SharedArrayBuffer(12), keys: new SharedArrayBuffer(32) };
}

/** Main process: the reader thread stopped without an answer (it failed to load, or crashed). */
export function markReaderFailed(control: SharedArrayBuffer): void {
  const c = new Int32Array(control);
  if (Atomics.compareExchange(c, STATUS, READING, FAILED) === READING) Atomics.notify(c, STATUS);
}

type PartMessage = { part: LogPart } | { error: string };

/** The reader's thread: waits for the word, reads its part, sends it, says it is done. */
export function serveLogPart(db: DB, channel: ReaderChannel): void {
  const control = new Int32Array(channel.control);
  Atomics.wait(control, COMMAND, WAIT);
  if (Atomics.load(control, COMMAND) !== GO) return;
  const [from, ordinal, base, last] = new Float64Array(channel.keys) as unknown as [number, number, number, number];
  const range: PersonKeyRange = { ordinal, base, last };
  let message: PartMessage;
  try {
    const part = readLogPart(db, range, from, last, {
      progress: (rows) => Atomics.store(control, ROWS, rows),
      throwIfCancelled: () => {
        if (Atomics.load(control, COMMAND) === STOP) throw new Error('the scan no longer needs this part');
      },
    });
    message = { part };
  } catch (e) {
    message = { error: e instanceof Error ? e.message : String(e) };
  }
  if ('part' in message) {
    const { part } = message;
    const buffers = [part.person, part.at, part.ip, part.ua, part.session, part.ids].map(
      (a) => a.buffer as ArrayBuffer,
    );
    channel.port.postMessage(message, buffers);
  } else channel.port.postMessage(message);
  Atomics.store(control, STATUS, 'part' in message ? DONE : FAILED);
  Atomics.notify(control, STATUS);
}

/** The scan's thread: the reader as a `PartReader`. `throwIfCancelled` is checked while it waits. */
export function partReaderOf(channel: ReaderChannel, throwIfCancelled: () => void): PartReader {
  const control = new Int32Array(channel.control);
  const keys = new Float64Array(channel.keys);
  const tell = (command: number) => {
    if (Atomics.compareExchange(control, COMMAND, WAIT, command) === WAIT) Atomics.notify(control, COMMAND);
  };
  return {
    start(fromKey, range) {
      keys.set([fromKey, range.ordinal, range.base, range.last]);
      tell(GO);
    },
    rowsRead: () => Atomics.load(control, ROWS),
    wait(onProgress) {
      while (Atomics.load(control, STATUS) === READING) {
        Atomics.wait(control, STATUS, READING, 50);
        throwIfCancelled();
        onProgress?.();
      }
      const received = receiveMessageOnPort(channel.port)?.message as PartMessage | undefined;
      return received && 'part' in received ? received.part : null;
    },
    cancel() {
      tell(STOP);
      if (Atomics.load(control, COMMAND) === GO) Atomics.store(control, COMMAND, STOP);
    },
  };
}
