/**
 * Reads a file the administrator chose as text, unless it is past the limit its channel accepts:
 * the channel would refuse it anyway, but only after the renderer had read and sent all of it
 * (a 70 MB file freezes the window first). The message says the limit and what to do instead.
 */

const MB = 1024 * 1024;

/** Past this many bytes a file cannot fit `maxChars`: UTF-8 spends at most 3 bytes per UTF-16 unit. */
const MAX_BYTES_PER_CHAR = 3;

export interface FileLimit {
  /** The channel's limit, in characters (string length), from the contract. */
  maxChars: number;
  /** What the file is for, after "over the N MB limit": "for importing approvals". */
  purpose: string;
  /** What to do instead, one sentence. */
  nextStep: string;
}

export type ReadTextResult = { ok: true; text: string } | { ok: false; message: string };

/** "2 MB", "0.4 MB", "70 MB". */
export function megabytes(n: number): string {
  const mb = n / MB;
  return `${mb < 10 && !Number.isInteger(mb) ? mb.toFixed(1) : Math.round(mb)} MB`;
}

export function fileTooLargeMessage(name: string, size: number, limit: FileLimit): string {
  return `"${name}" is ${megabytes(size)}, over the ${megabytes(limit.maxChars)} limit ${limit.purpose}. ${limit.nextStep}`;
}

/** Refuses a file that cannot fit before reading it, and one that does not fit once read. */
export async function readTextFileWithin(file: File, limit: FileLimit): Promise<ReadTextResult> {
  const tooLarge = { ok: false, message: fileTooLargeMessage(file.name, file.size, limit) } as const;
  if (file.size > limit.maxChars * MAX_BYTES_PER_CHAR) return tooLarge;
  // A file of up to maxChars bytes always fits; a larger one may still, when it is not plain ASCII.
  const text = await file.text();
  return text.length > limit.maxChars ? tooLarge : { ok: true, text };
}
