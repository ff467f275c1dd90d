/** Offers a file from main (text, or bytes as base64) as a download: the renderer has no file system. */
import type { DownloadFile } from '../../../src-preload/contract';

export function downloadFile(file: DownloadFile): void {
  const body =
    file.encoding === 'base64'
      ? Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0))
      : new TextEncoder().encode(file.data);
  const url = URL.createObjectURL(new Blob([body], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a chosen file for reviews:import: CSV as text, a workbook as base64. */
export async function readWorkbook(file: File): Promise<{ format: 'csv' | 'xlsx'; data: string }> {
  if (file.name.toLowerCase().endsWith('.csv')) return { format: 'csv', data: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { format: 'xlsx', data: btoa(text) };
}
