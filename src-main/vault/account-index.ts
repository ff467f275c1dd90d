/**
 * Where the vault keeps the names of its keychain entries (never their values), so listing an
 * instance's secrets reads each entry by name instead of asking the keychain to enumerate a
 * service, which keytar cannot do safely while another caller deletes entries. The backend uses
 * the SQLite one (accounts-store.ts); a vault on its own (a probe, a script) keeps the names in
 * memory.
 */
export interface AccountIndex {
  /** The accounts under `service` that belong to an instance, sorted. */
  list(service: string, instanceId: string): string[];
  /** Idempotent. `instanceId` is null for app-wide entries. */
  add(service: string, account: string, instanceId: string | null): void;
  remove(service: string, account: string): void;
}

export function memoryAccountIndex(): AccountIndex {
  const rows = new Map<string, { service: string; account: string; instanceId: string | null }>();
  const key = (service: string, account: string) => `${service}\u0000${account}`;
  return {
    list: (service, instanceId) =>
      [...rows.values()]
        .filter((r) => r.service === service && r.instanceId === instanceId)
        .map((r) => r.account)
        .sort(),
    add: (service, account, instanceId) => void rows.set(key(service, account), { service, account, instanceId }),
    remove: (service, account) => void rows.delete(key(service, account)),
  };
}
