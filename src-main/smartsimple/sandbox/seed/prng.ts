/**
 * Seeded randomness for the generator. Math.random is never used: the same seed must give the
 * same instance byte for byte, and each phase draws from its own named stream so that changing
 * one phase (say, more programs) does not reshuffle everything drawn after it.
 */

/** 32-bit string hash (FNV-1a), used to turn a stream name into a seed offset. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for synthetic data (not for anything secret). */
export class Rng {
  private state: number;

  constructor(seed: number, stream = '') {
    // Mix the stream hash in so that streams of one seed are unrelated.
    this.state = (Math.imul(seed >>> 0, 0x9e3779b1) ^ hashString(stream)) >>> 0;
    // Warm up: the first outputs of mulberry32 from similar states are correlated.
    for (let i = 0; i < 4; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Index drawn with probability proportional to `weights[i]`. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Fisher-Yates in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** `count` distinct items (or all of them when fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle([...items]).slice(0, Math.max(0, count));
  }

  /** A count with mean `mean`: floor plus a Bernoulli for the fraction, then +-30 % jitter. */
  count(mean: number): number {
    if (mean <= 0) return 0;
    const jittered = mean * (0.7 + 0.6 * this.next());
    const whole = Math.floor(jittered);
    return whole + (this.next() < jittered - whole ? 1 : 0);
  }

  /** Opaque text from `alphabet`. */
  text(length: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
}

/** Weighted choice among many items: cumulative sums and a binary search, O(log n) a draw. */
export class WeightedPicker {
  private readonly cumulative: Float64Array;
  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => (this.cumulative[i] = sum += w));
  }
  pick(rng: Rng): number {
    const n = this.cumulative.length;
    const target = rng.next() * (this.cumulative[n - 1] ?? 0);
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
