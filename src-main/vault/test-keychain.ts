/**
 * Keychains for tests: one in memory, and a wrapper that counts every call, notes how many run at
 * once, and can make some of them fail, so a test can say what the vault asked of the keychain.
 */
import type { KeychainBackend } from './vault';

export type KeychainMethod = 'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials';

export interface MemoryKeychain extends KeychainBackend {
  /** The stored entries, `service\0account` -> value. */
  readonly store: Map<string, string>;
}

export function memoryKeychain(): MemoryKeychain {
  const store = new Map<string, string>();
  const key = (s: string, a: string) => `${s}\u0000${a}`;
  return {
    store,
    getPassword: async (s, a) => store.get(key(s, a)) ?? null,
    setPassword: async (s, a, p) => void store.set(key(s, a), p),
    deletePassword: async (s, a) => store.delete(key(s, a)),
    findCredentials: async (s) =>
      [...store.entries()]
        .filter(([k]) => k.startsWith(`${s}\u0000`))
        .map(([k, password]) => ({ account: k.slice(s.length + 1), password })),
  };
}

export interface CountingKeychain extends KeychainBackend {
  calls: Record<KeychainMethod, number>;
  /** The most calls that were in flight at the same moment. */
  maxInFlight: number;
}

/**
 * Wraps `inner`; each call takes at least `delayMs` (so overlaps show), and `fail` may turn a
 * call into a rejection (it gets the method and the account).
 */
export function countingKeychain(
  inner: KeychainBackend,
  options: { delayMs?: number; fail?: (method: KeychainMethod, account: string) => boolean } = {},
): CountingKeychain {
  const calls: Record<KeychainMethod, number> = {
    getPassword: 0,
    setPassword: 0,
    deletePassword: 0,
    findCredentials: 0,
  };
  let inFlight = 0;
  const wrap = async <T>(method: KeychainMethod, account: string, op: () => Promise<T>): Promise<T> => {
    calls[method]++;
    inFlight++;
    self.maxInFlight = Math.max(self.maxInFlight, inFlight);
    try {
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (options.fail?.(method, account)) throw new Error(`refused ${method} (test keychain)`);
      return await op();
    } finally {
      inFlight--;
    }
  };
  const self: CountingKeychain = {
    calls,
    maxInFlight: 0,
    getPassword: (s, a) => wrap('getPassword', a, () => inner.getPassword(s, a)),
    setPassword: (s, a, p) => wrap('setPassword', a, () => inner.setPassword(s, a, p)),
    deletePassword: (s, a) => wrap('deletePassword', a, () => inner.deletePassword(s, a)),
    findCredentials: (s) => wrap('findCredentials', '', () => inner.findCredentials?.(s) ?? Promise.resolve([])),
  };
  return self;
}
