/**
 * A sync job's progress message, split for display. Main writes "People: 500 of 1,000 · 3 calls ·
 * about 5 s left", or "Waiting for the SmartSimple hourly limit until 14:05" while it waits.
 */
export interface ProgressParts {
  /** "People: 500 of 1,000". */
  step: string | null;
  /** "3 calls". */
  calls: string | null;
  /** "5 s" (time left). */
  left: string | null;
  /** The whole message when the sync is waiting for the hourly limit. */
  waiting: string | null;
}

export function parseProgressMessage(message: string | null): ProgressParts {
  const out: ProgressParts = { step: null, calls: null, left: null, waiting: null };
  if (!message) return out;
  if (/^waiting/i.test(message)) return { ...out, waiting: message };
  for (const part of message.split(' · ')) {
    if (/\bcalls?$/.test(part)) out.calls = part;
    else if (/\bleft$/.test(part)) out.left = part.replace(/^about /, '').replace(/ left$/, '');
    else out.step ??= part;
  }
  return out;
}
