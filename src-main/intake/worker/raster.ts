/**
 * Pictures of pages for OCR and for the review screen (worker side): decoding PNG, JPEG and TIFF,
 * then what helps tesseract on a poor scan: a grey image with its contrast stretched when it is
 * washed out, straightened when it is skewed, and enlarged when its text is small.
 */
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import UTIF from 'utif2';

export interface Raster {
  width: number;
  height: number;
  /** One byte of grey per pixel. */
  grey: Uint8ClampedArray;
}

export async function decodeImages(bytes: Uint8Array, kind: 'png' | 'jpeg' | 'tiff'): Promise<Raster[]> {
  if (kind === 'tiff') {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const ifds = UTIF.decode(buffer).filter((ifd) => ifd['t256'] && ifd['t257']);
    return ifds.slice(0, 50).map((ifd) => {
      UTIF.decodeImage(buffer, ifd);
      return greyOf(UTIF.toRGBA8(ifd), ifd.width, ifd.height);
    });
  }
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.drawImage(image, 0, 0);
  return [rasterOf(canvas)];
}

export function rasterOf(canvas: {
  width: number;
  height: number;
  getContext(type: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}): Raster {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  return greyOf(data, canvas.width, canvas.height);
}

function greyOf(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Raster {
  const grey = new Uint8ClampedArray(width * height);
  for (let i = 0, j = 0; i < grey.length; i++, j += 4) {
    const a = rgba[j + 3]! / 255;
    // Transparent pixels are paper.
    grey[i] = (0.299 * rgba[j]! + 0.587 * rgba[j + 1]! + 0.114 * rgba[j + 2]!) * a + 255 * (1 - a);
  }
  return { width, height, grey };
}

/** The 2nd and 98th percentile greys. */
function percentiles(grey: Uint8ClampedArray): [number, number] {
  const hist = new Uint32Array(256);
  for (let i = 0; i < grey.length; i += 3) hist[grey[i]!]!++;
  const total = Math.ceil(grey.length / 3);
  let acc = 0;
  let low = 0;
  let high = 255;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc < total * 0.02) low = v;
    if (acc <= total * 0.98) high = v;
  }
  return [low, Math.max(high, low + 1)];
}

/** Stretches the greys when paper is not white or ink not black (a washed-out or grey scan). */
export function stretchContrast(r: Raster): boolean {
  const [low, high] = percentiles(r.grey);
  if (high - low > 200 && high > 235) return false;
  const scale = 255 / Math.max(high - low, 1);
  for (let i = 0; i < r.grey.length; i++) r.grey[i] = (r.grey[i]! - low) * scale;
  return true;
}

/**
 * The skew of the text lines in degrees (positive: clockwise), by projection profiles: the dark
 * pixels' rows are sharpest when the angle is right. Searched coarse to fine within +-15 degrees.
 */
export function estimateSkew(r: Raster): number {
  const step = Math.max(1, Math.round(r.width / 900));
  const points: number[] = [];
  const threshold = darkThreshold(r.grey);
  for (let y = 0; y < r.height; y += step)
    for (let x = 0; x < r.width; x += step) if (r.grey[y * r.width + x]! < threshold) points.push(x, y);
  if (points.length < 200) return 0;
  const score = (deg: number) => {
    const t = (deg * Math.PI) / 180;
    const sin = Math.sin(t);
    const cos = Math.cos(t);
    const bins = new Map<number, number>();
    for (let i = 0; i < points.length; i += 2) {
      const row = Math.round((points[i + 1]! * cos - points[i]! * sin) / step);
      bins.set(row, (bins.get(row) ?? 0) + 1);
    }
    let s = 0;
    for (const n of bins.values()) s += n * n;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (const [from, to, by] of [
    [-15, 15, 0.5],
    [-0.45, 0.45, 0.05],
  ] as const) {
    const centre = best;
    for (let d = centre + from; d <= centre + to + 1e-9; d += by) {
      const s = score(d);
      if (s > bestScore * 1.0001) [best, bestScore] = [d, s];
    }
  }
  return Math.round(best * 100) / 100;
}

function darkThreshold(grey: Uint8ClampedArray): number {
  const [low, high] = percentiles(grey);
  return low + (high - low) * 0.5;
}

/** The raster drawn on a canvas, turned by -angle about its centre (straightened) and scaled. */
export function straighten(r: Raster, angle: number, scale: number): Canvas {
  const src = createCanvas(r.width, r.height);
  const ctx = src.getContext('2d');
  const image = ctx.createImageData(r.width, r.height);
  for (let i = 0, j = 0; i < r.grey.length; i++, j += 4) {
    image.data[j] = image.data[j + 1] = image.data[j + 2] = r.grey[i]!;
    image.data[j + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  const w = Math.round(r.width * scale);
  const h = Math.round(r.height * scale);
  const out = createCanvas(w, h);
  const o = out.getContext('2d');
  o.fillStyle = '#fff';
  o.fillRect(0, 0, w, h);
  o.imageSmoothingEnabled = true;
  o.imageSmoothingQuality = 'high';
  o.translate(w / 2, h / 2);
  o.rotate((-angle * Math.PI) / 180);
  o.drawImage(src, -w / 2, -h / 2, w, h);
  return out;
}
