/**
 * Reads a dropped intake document for `intake:read`, unless it is past intake's size limit: a
 * 200 MB scan is refused by its size here, before a byte of it is read or sent.
 */
import { INTAKE_MAX_FILE_BYTES } from '../../src-preload/contract';
import { megabytes } from './read-text-file';

export type ReadIntakeResult = { ok: true; name: string; base64: string } | { ok: false; message: string };

export function intakeTooLargeMessage(name: string, size: number): string {
  return `"${name}" is ${megabytes(size)}, over the ${megabytes(INTAKE_MAX_FILE_BYTES)} limit for an intake document. Split it, or export only the pages that matter.`;
}

function toBase64(buf: ArrayBuffer): string {
  let s = '';
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export async function readIntakeFile(file: File): Promise<ReadIntakeResult> {
  if (file.size > INTAKE_MAX_FILE_BYTES) return { ok: false, message: intakeTooLargeMessage(file.name, file.size) };
  if (file.size === 0) return { ok: false, message: `"${file.name}" is empty (0 bytes): nothing to read.` };
  return { ok: true, name: file.name, base64: toBase64(await file.arrayBuffer()) };
}
