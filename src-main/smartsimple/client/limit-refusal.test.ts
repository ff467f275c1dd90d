import { describe, expect, it } from 'vitest';
import { ROLLING_WINDOW_MS } from '../protocol';
import { LIMIT_EDGE_MARGIN_MS, refusalWaitMs } from './limit-refusal';

const H = ROLLING_WINDOW_MS;
const M = LIMIT_EDGE_MARGIN_MS;
const t0 = Date.UTC(2025, 0, 6, 9);
const base = { now: t0 + 50 * 60_000, oldestOwnCall: t0, windowMs: H, fullWaitMs: H };

describe('the wait after a limit refusal', () => {
  it("the server's Retry-After wins", () => {
    expect(refusalWaitMs({ ...base, refusalsInARow: 1, retryAfterMs: 12_000 })).toBe(12_000);
    expect(refusalWaitMs({ ...base, refusalsInARow: 1, retryAfterMs: 0 })).toBe(1000);
  });

  it('the first refusal waits until our oldest call has left the window, plus the margin', () => {
    expect(refusalWaitMs({ ...base, refusalsInARow: 1 })).toBe(10 * 60_000 + M);
    // At the very edge (the oldest left our count already): the margin alone.
    expect(refusalWaitMs({ ...base, now: t0 + H, refusalsInARow: 1 })).toBe(M);
  });

  it('escalates as refusals repeat, up to the full wait', () => {
    const waits = [1, 2, 3, 4, 5].map((k) => refusalWaitMs({ ...base, refusalsInARow: k }));
    expect(waits).toEqual([10 * 60_000 + M, H / 4, H / 2, H, H]);
    // The edge wait is kept when it is the longer one.
    expect(refusalWaitMs({ ...base, now: t0 + 1000, refusalsInARow: 2 })).toBe(H - 1000 + M > H ? H : H - 1000 + M);
  });

  it('without a call of our own in the window, starts at the second step', () => {
    expect(refusalWaitMs({ ...base, oldestOwnCall: undefined, refusalsInARow: 1 })).toBe(H / 4);
  });

  it('never waits longer than the configured full wait', () => {
    expect(refusalWaitMs({ ...base, now: t0, refusalsInARow: 1 })).toBe(H);
    expect(refusalWaitMs({ ...base, fullWaitMs: 60_000, refusalsInARow: 4 })).toBe(60_000);
  });
});
