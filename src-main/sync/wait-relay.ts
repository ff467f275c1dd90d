/**
 * The client takes one `onWait` callback when it is built, long before a sync starts; the relay
 * sits in between so whichever sync is running hears about waits for the hourly limit.
 */
import type { WaitEvent } from '../smartsimple/client';

export interface WaitRelay {
  /** Give this to `createSmartConnectClient({ onWait })`. */
  readonly onWait: (event: WaitEvent) => void;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: WaitEvent) => void): () => void;
}

export function createWaitRelay(): WaitRelay {
  const listeners = new Set<(event: WaitEvent) => void>();
  return {
    onWait: (event) => {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** "14:05" in local time: what a person compares with the clock on their screen. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
