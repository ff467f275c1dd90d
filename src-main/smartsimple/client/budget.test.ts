import { describe, expect, it } from 'vitest';
import { ROLLING_WINDOW_MS } from '../protocol';
import { budgetState, createMemoryBudget, firstInWindow } from './budget';

const H = ROLLING_WINDOW_MS;

describe('budgetState (pure)', () => {
  it('counts only the calls of the rolling window', () => {
    const ts = [0, 10, 20, H, H + 5];
    expect(firstInWindow(ts, H + 10)).toBe(2);
    expect(budgetState({ timestamps: ts, now: H + 10, limit: 5 })).toEqual({
      used: 3,
      remaining: 2,
      nextSlotAt: H + 10,
    });
  });

  it('opens the next slot when the oldest call needed leaves the window', () => {
    const ts = [100, 200, 300];
    expect(budgetState({ timestamps: ts, now: 1000, limit: 3 })).toEqual({
      used: 3,
      remaining: 0,
      nextSlotAt: 100 + H,
    });
    // With a reserve of 1, two calls must leave before one more is allowed.
    expect(budgetState({ timestamps: ts, now: 1000, limit: 3, reserve: 1 })).toEqual({
      used: 3,
      remaining: 0,
      nextSlotAt: 200 + H,
    });
    expect(budgetState({ timestamps: ts, now: 100 + H, limit: 3 }).remaining).toBe(1);
  });

  it('stays full until a server refusal has passed', () => {
    expect(budgetState({ timestamps: [], now: 0, limit: 10, fullUntil: 500 })).toEqual({
      used: 0,
      remaining: 0,
      nextSlotAt: 500,
    });
    expect(budgetState({ timestamps: [], now: 500, limit: 10, fullUntil: 500 }).remaining).toBe(10);
  });
});

describe('createMemoryBudget', () => {
  it('rolls with its clock', () => {
    let now = 1_000_000;
    const b = createMemoryBudget({ limit: 2, clock: () => now });
    b.record();
    now += 1000;
    b.record();
    expect(b.remaining()).toBe(0);
    expect(b.nextSlotAt()).toBe(1_000_000 + H);
    now = 1_000_000 + H;
    expect(b.used()).toBe(1);
    expect(b.remaining()).toBe(1);
    b.markFull(now + 5000);
    expect(b.remaining()).toBe(0);
    expect(b.nextSlotAt()).toBe(now + 5000);
  });

  it('keeps order when calls are recorded out of order', () => {
    const b = createMemoryBudget({ limit: 3, clock: () => 10_000 });
    b.record(9000);
    b.record(5000);
    b.record(7000);
    expect(b.nextSlotAt(10_000)).toBe(5000 + H);
  });
});
