/**
 * One keychain call at a time. keytar is not safe to call concurrently: overlapping calls into
 * libsecret fail at random ("No such secret item") and can crash the process (GLib's
 * `g_task_return_boolean: assertion '!task->ever_returned'`, then SIGSEGV). The vault sends
 * every keytar call through one of these queues.
 */
export type SerialQueue = <T>(op: () => Promise<T>) => Promise<T>;

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(op: () => Promise<T>): Promise<T> => {
    const run = tail.then(op);
    // The next call waits for this one to settle, whether it succeeded or not.
    tail = run.catch(() => undefined);
    return run;
  };
}
