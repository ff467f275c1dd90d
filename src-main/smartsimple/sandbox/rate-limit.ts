/**
 * The rolling hourly call limit per instance. Decision: only calls that pass every check before
 * the limit (request, token, endpoint, credentials) and are not themselves refused by it count;
 * a counted call stays counted whatever its action then answers.
 */
import { ROLLING_WINDOW_MS } from '../protocol';

export class RollingWindow {
  /** Call times, oldest first; `head` skips the ones that left the window. */
  private times: number[] = [];
  private head = 0;

  constructor(private readonly windowMs = ROLLING_WINDOW_MS) {}

  private prune(now: number): void {
    const cutoff = now - this.windowMs;
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= cutoff) this.head++;
    // Compact now and then so the array does not grow for ever.
    if (this.head > 4096 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }

  count(now: number): number {
    this.prune(now);
    return this.times.length - this.head;
  }

  record(now: number): void {
    this.times.push(now);
  }

  /** Fills the window up to `limit` at `now` (the hourlyLimit fault). */
  exhaust(now: number, limit: number): void {
    for (let n = this.count(now); n < limit; n++) this.times.push(now);
  }

  /** Milliseconds until one more call would be allowed under `limit`. */
  retryAfter(now: number, limit: number): number {
    const n = this.count(now);
    if (n < limit) return 0;
    const freeing = this.times[this.head + (n - limit)] ?? now;
    return Math.max(0, freeing + this.windowMs - now);
  }

  reset(): void {
    this.times = [];
    this.head = 0;
  }
}
