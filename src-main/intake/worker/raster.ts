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

/** The grey at each of the given fractions of the pixels (sampled), darkest first. */
function percentiles(grey: Uint8ClampedArray, fractions: number[]): number[] {
  const hist = new Uint32Array(256);
  for (let i = 0; i < grey.length; i += 3) hist[grey[i]!]!++;
  const total = Math.ceil(grey.length / 3);
  return fractions.map((f) => {
    let acc = 0;
    for (let v = 0; v < 256; v++) if ((acc += hist[v]!) >= total * f) return v;
    return 255;
  });
}

/**
 * Stretches the greys when paper is not white or ink not black (a washed-out or grey scan): the
 * ink (the darkest 0.5%) becomes black and the paper (most of the page) white.
 */
export function stretchContrast(r: Raster): boolean {
  const [ink, paper] = percentiles(r.grey, [0.005, 0.6]) as [number, number];
  if (paper >= 235 && ink <= 60) return false;
  if (paper - ink < 30) return false;
  const scale = 255 / (paper - ink);
  for (let i = 0; i < r.grey.length; i++) r.grey[i] = (r.grey[i]! - ink) * scale;
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
  const [ink, paper] = percentiles(grey, [0.005, 0.6]) as [number, number];
  return ink + (paper - ink) * 0.5;
}

/** The raster drawn on a canvas, turned by -angle about its centre (straightened) and scaled. */
export function straighten(r: Raster, angle: number, scale: number): Canvas {
  const src = canvasOf(r);
  const w = Math.round(r.width * scale);
  const h = Math.round(r.height * scale);
  const out = createCanvas(w, h);
  const o = out.getContext('2d');
  o.fillStyle = '#fff';
  o.fillRect(0, 0, w, h);
  o.imageSmoothingEnabled = true;
  o.imageSmoothingQuality = 'medium';
  o.translate(w / 2, h / 2);
  o.rotate((-angle * Math.PI) / 180);
  o.drawImage(src, -w / 2, -h / 2, w, h);
  return out;
}

/**
 * Removes speckle (a dusty or noisy scan), only when there is much of it (the share of dark
 * pixels with no dark neighbour): every clump of ink smaller than the dot of an i becomes paper;
 * letters keep their shape. Returns whether it did.
 */
export function despeckle(r: Raster): boolean {
  const { width: w, height: h, grey } = r;
  const threshold = darkThreshold(grey);
  const dark = new Uint8Array(w * h);
  for (let i = 0; i < dark.length; i++) dark[i] = grey[i]! < threshold ? 1 : 0;
  let darkCount = 0;
  let alone = 0;
  const neighbours = (i: number) =>
    dark[i - w - 1]! +
    dark[i - w]! +
    dark[i - w + 1]! +
    dark[i - 1]! +
    dark[i + 1]! +
    dark[i + w - 1]! +
    dark[i + w]! +
    dark[i + w + 1]!;
  for (let y = 1; y < h - 1; y += 3)
    for (let x = 1; x < w - 1; x += 3) {
      const i = y * w + x;
      if (!dark[i]) continue;
      darkCount++;
      if (neighbours(i) === 0) alone++;
    }
  if (darkCount === 0 || alone / darkCount < 0.08) return false;
  removeSpecks(grey, dark, w, h, Math.max(3, Math.round((w / 1700) ** 2 * 6)));
  return true;
}

/** Whitens the 8-connected clumps of dark pixels with fewer than `min` pixels. */
function removeSpecks(grey: Uint8ClampedArray, dark: Uint8Array, w: number, h: number, min: number) {
  const seen = new Uint8Array(w * h);
  const stack: number[] = [];
  const clump: number[] = [];
  for (let start = 0; start < dark.length; start++) {
    if (!dark[start] || seen[start]) continue;
    stack.push(start);
    seen[start] = 1;
    clump.length = 0;
    while (stack.length) {
      const i = stack.pop()!;
      if (clump.length < min) clump.push(i);
      const x = i % w;
      for (const d of [-w - 1, -w, -w + 1, -1, 1, w - 1, w, w + 1]) {
        const j = i + d;
        const jx = j % w;
        if (j < 0 || j >= dark.length || Math.abs(jx - x) > 1 || !dark[j] || seen[j]) continue;
        seen[j] = 1;
        stack.push(j);
      }
      if (clump.length >= min && stack.length === 0) break;
    }
    if (clump.length < min) for (const i of clump) grey[i] = 255;
  }
}

/**
 * Whitens the long straight rules of a form (table borders, underlines): tesseract takes a boxed
 * table for a picture and skips its text. A rule is a run of dark pixels longer than any letter.
 */
export function removeRules(r: Raster): void {
  const { width: w, height: h, grey } = r;
  const threshold = darkThreshold(grey);
  const min = Math.max(40, Math.round(w * 0.035));
  const dark = new Uint8Array(w * h);
  for (let i = 0; i < dark.length; i++) dark[i] = grey[i]! < threshold ? 1 : 0;
  // A pixel is on a rule when it or a neighbour across the rule is dark (a rule a little off
  // straight). No gap is allowed within a rule: it would let the rule run on into the letters
  // just above or below it.
  const clear = new Uint8Array(w * h);
  const runs = (lines: number, length: number, step: number, across: number) => {
    for (let line = 1; line < lines - 1; line++) {
      const base = line * across;
      let start = -1;
      for (let k = 0; k <= length; k++) {
        const i = base + k * step;
        if (k < length && dark[i]! | dark[i - across]! | dark[i + across]!) {
          if (start < 0) start = k;
          continue;
        }
        if (start >= 0 && k - start >= min)
          for (let j = start; j < k; j++) for (let d = -2; d <= 2; d++) clear[base + j * step + d * across] = 1;
        start = -1;
      }
    }
  };
  runs(h, w, 1, w);
  runs(w, h, w, 1);
  for (let i = 0; i < clear.length; i++) if (clear[i]) grey[i] = 255;
}

/** A raster's pixels back on a canvas. */
export function canvasOf(r: Raster): Canvas {
  const canvas = createCanvas(r.width, r.height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(r.width, r.height);
  for (let i = 0, j = 0; i < r.grey.length; i++, j += 4) {
    image.data[j] = image.data[j + 1] = image.data[j + 2] = r.grey[i]!;
    image.data[j + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}

/** The raster as a binary PGM, which tesseract reads without a PNG to encode and decode. */
export function pgmOf(r: Raster): Buffer {
  const head = Buffer.from(`P5\n${r.width} ${r.height}\n255\n`, 'ascii');
  return Buffer.concat([head, Buffer.from(r.grey.buffer, r.grey.byteOffset, r.grey.byteLength)]);
}

/** Light greys (speckle, the fringe of a removed rule, a coloured form's tint) become paper. */
export function whitenPaper(r: Raster): void {
  const [ink, paper] = percentiles(r.grey, [0.005, 0.6]) as [number, number];
  const cut = ink + (paper - ink) * 0.7;
  for (let i = 0; i < r.grey.length; i++) if (r.grey[i]! > cut) r.grey[i] = 255;
}
