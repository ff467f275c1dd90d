/** Files offered as downloads: the renderer has no file system, the browser saves them. */
import type { EvidenceFile } from '../../src-preload/contract';

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(file: { filename: string; mime: string; text: string }): void {
  save(new Blob([file.text], { type: file.mime }), file.filename);
}

/** An evidence export (CSV or PDF), which crosses in base64. */
export function downloadEvidence(file: EvidenceFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  save(new Blob([bytes], { type: file.mime }), file.filename);
}
