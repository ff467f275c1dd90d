/**
 * Refuses a zip bomb before anything is inflated: the central directory's declared uncompressed
 * sizes are summed (and compression ratios checked) straight from the bytes.
 */
import { AppError } from '../../errors/app-error';

export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
const MAX_RATIO = 200;

export function checkZip(name: string, bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new AppError('VALIDATION', `${name} is a damaged archive (no ZIP directory). Save it again and retry.`);
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50)
      throw new AppError('VALIDATION', `${name} is a damaged archive. Save it again and retry.`);
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    total += size;
    if (
      size === 0xffffffff ||
      total > MAX_UNZIPPED_BYTES ||
      (size > 1_000_000 && size / Math.max(packed, 1) > MAX_RATIO)
    )
      throw new AppError(
        'VALIDATION',
        `${name} would expand to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB when opened (a "zip bomb"); it was not opened.`,
      );
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}
