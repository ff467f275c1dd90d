/**
 * Offers text as a file download: the renderer has no file system, the browser (or Electron's
 * download handling, the same path) saves it.
 */
import type { DownloadText } from '../../src-preload/contract';

export function downloadText(file: DownloadText): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
