/**
 * The document's type from its first bytes (the extension only breaks ties between kinds that
 * share a container: a ZIP is DOCX or XLSX by its parts, an OLE file is an Outlook .msg).
 */
export type Sniffed = 'pdf' | 'png' | 'jpeg' | 'tiff' | 'zip' | 'ole' | 'eml' | 'csv' | 'text' | 'empty' | 'unknown';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

export function sniff(name: string, bytes: Uint8Array): Sniffed {
  if (bytes.byteLength === 0) return 'empty';
  if (findPdfHeader(bytes) >= 0) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (!looksLikeText(bytes)) return 'unknown';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (
    ext === 'eml' ||
    (/^(?:(?:Return-Path|Received|From|To|Subject|Date|Message-ID|MIME-Version|Content-Type):[^\n]*\r?\n)+/i.test(
      head.replace(/^\uFEFF/, ''),
    ) &&
      /^(From|Subject):/im.test(head) &&
      /^(To|Date|Subject):/im.test(head))
  )
    return 'eml';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  return 'text';
}

/** PDF allows junk before the header within the first 1024 bytes. */
export function findPdfHeader(bytes: Uint8Array): number {
  const limit = Math.min(bytes.byteLength - 5, 1024);
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] === 0x25 && startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d], i)) return i;
  }
  return -1;
}

/** Text when the start has no NUL bytes and few control characters (UTF-8 or UTF-16 with a BOM). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / sample.length < 0.02;
}
