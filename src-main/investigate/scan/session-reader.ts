/**
 * A second thread for a full scan: it reads and judges the sessions of its share of the people
 * (scan-store.ts's LogShare) over its own connection, while the scan's thread loads the people and
 * judges the other share. A million rows then cross from SQLite into JavaScript on two cores (each
 * costs about a microsecond, the largest part of a full scan), and their histories are judged on
 * two as well.
 *
 * The main process starts it beside the scan worker (run-in-worker.ts); it waits, costing nothing,
 * until the scan sends its job (a full scan) or says it is not needed (an incremental one). The
 * scan's thread is busy in synchronous code throughout, so the two talk through shared memory and
 * a message port read synchronously (`receiveMessageOnPort`) rather than through events: the job
 * one way, the findings (prepared for saving) and each person's latest session the other.
 *
 * Shared memory, `control` (Int32Array): [command: 0 wait, 1 go, 2 stop; status: 0 working,
 * 1 done, 2 failed; rows read so far, for the scan's progress].
 *
 * A reader that fails answers with its error and the scan judges that share itself.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { DB } from '../../db/open';
import { Dictionary } from '../model';
import { judgeShare, type PartReader, type SessionPassResult, type ShareJob } from './session-pass';

const COMMAND = 0;
const STATUS = 1;
const ROWS = 2;
const [WAIT, GO, STOP] = [0, 1, 2];
const [WORKING, DONE, FAILED] = [0, 1, 2];

export interface ReaderChannel {
  control: SharedArrayBuffer;
  port: MessagePort;
}

/** Main process: the shared memory of a reader (the port is set by the caller, one end to each worker). */
export function readerMemory(): { control: SharedArrayBuffer } {
  return { control: new SharedArrayBuffer(12) };
}

/** Main process: the reader thread stopped without an answer (it failed to load, or crashed). */
export function markReaderFailed(control: SharedArrayBuffer): void {
  const c = new Int32Array(control);
  if (Atomics.compareExchange(c, STATUS, WORKING, FAILED) === WORKING) Atomics.notify(c, STATUS);
}

/**
 * A share's result as it crosses to the scan's thread: the drafts prepared for saving (strings
 * copy far faster than nested objects) and each person's latest session and count as columns
 * (transferred, not copied). Null latest sessions are NaN.
 */
interface WireResult {
  drafts: SessionPassResult['drafts'];
  ids: Float64Array;
  last: Float64Array;
  counts: Float64Array;
  rows: number;
}

function toWire(r: SessionPassResult): WireResult {
  const n = r.state.size;
  const [ids, last, counts] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  let i = 0;
  for (const [id, s] of r.state) {
    ids[i] = id;
    last[i] = s.lastSessionAt ?? NaN;
    counts[i++] = s.sessions;
  }
  return { drafts: r.drafts, ids, last, counts, rows: r.rows };
}

function fromWire(w: WireResult): SessionPassResult {
  const state: SessionPassResult['state'] = new Map();
  for (let i = 0; i < w.ids.length; i++) {
    const last = w.last[i]!;
    state.set(w.ids[i]!, { lastSessionAt: Number.isNaN(last) ? null : last, sessions: w.counts[i]! });
  }
  return { drafts: w.drafts, state, rows: w.rows };
}

type ShareMessage = { result: WireResult } | { error: string };

/** The reader's thread: waits for the job, judges its share, sends what it found, says it is done. */
export function serveShare(db: DB, channel: ReaderChannel): void {
  const control = new Int32Array(channel.control);
  Atomics.wait(control, COMMAND, WAIT);
  if (Atomics.load(control, COMMAND) !== GO) return;
  let message: ShareMessage;
  try {
    const job = receiveMessageOnPort(channel.port)?.message as ShareJob | undefined;
    if (!job) throw new Error('the scan sent no job');
    const result = judgeShare(
      db,
      job.range,
      'reader',
      0,
      new Dictionary(),
      { settings: job.settings },
      {
        progress: (rows) => Atomics.store(control, ROWS, rows),
        throwIfCancelled: () => {
          if (Atomics.load(control, COMMAND) === STOP) throw new Error('the scan no longer needs this share');
        },
      },
    );
    message = { result: toWire(result) };
  } catch (e) {
    message = { error: e instanceof Error ? e.message : String(e) };
  }
  if ('result' in message) {
    const { ids, last, counts } = message.result;
    channel.port.postMessage(message, [
      ids.buffer as ArrayBuffer,
      last.buffer as ArrayBuffer,
      counts.buffer as ArrayBuffer,
    ]);
  } else channel.port.postMessage(message);
  Atomics.store(control, STATUS, 'result' in message ? DONE : FAILED);
  Atomics.notify(control, STATUS);
}

/**
 * The scan's thread: the reader as a `PartReader`. `throwIfCancelled` is checked while it waits;
 * `onFailure` hears why a reader that answered with an error failed (the scan then judges its
 * share itself, so only the log says so).
 */
export function partReaderOf(
  channel: ReaderChannel,
  throwIfCancelled: () => void,
  onFailure: (message: string) => void = () => undefined,
): PartReader {
  const control = new Int32Array(channel.control);
  const tell = (command: number) => {
    if (Atomics.compareExchange(control, COMMAND, WAIT, command) === WAIT) Atomics.notify(control, COMMAND);
  };
  return {
    start(job) {
      // The job is in the port's queue before the reader wakes to read it.
      channel.port.postMessage(job);
      tell(GO);
    },
    rowsRead: () => Atomics.load(control, ROWS),
    wait(onProgress) {
      while (Atomics.load(control, STATUS) === WORKING) {
        Atomics.wait(control, STATUS, WORKING, 50);
        throwIfCancelled();
        onProgress?.();
      }
      const received = receiveMessageOnPort(channel.port)?.message as ShareMessage | undefined;
      if (received && 'result' in received) return fromWire(received.result);
      onFailure(received ? received.error : 'the second thread stopped without an answer');
      return null;
    },
    cancel() {
      tell(STOP);
      if (Atomics.load(control, COMMAND) === GO) Atomics.store(control, COMMAND, STOP);
    },
  };
}
