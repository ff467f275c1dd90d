/**
 * The sandbox's notion of now. The hourly limit and every stamp read it, so tests can move time
 * instead of waiting an hour. `advance` works on both kinds: the system clock keeps an offset.
 */
export interface Clock {
  now(): number;
}

export interface SandboxClock extends Clock {
  /** Moves this clock forward (or back, with a negative value). */
  advance(ms: number): void;
  /** True when time only moves through advance/set. */
  readonly manual: boolean;
  set(ms: number): void;
}

export function createClock(source: Clock | 'manual' | 'system', start: number): SandboxClock {
  let offset = 0;
  if (source === 'manual') {
    let current = start;
    return {
      manual: true,
      now: () => current,
      advance: (ms) => void (current += ms),
      set: (ms) => void (current = ms),
    };
  }
  const base: Clock = source === 'system' ? { now: () => Date.now() } : source;
  return {
    manual: false,
    now: () => base.now() + offset,
    advance: (ms) => void (offset += ms),
    set: (ms) => void (offset = ms - base.now()),
  };
}
