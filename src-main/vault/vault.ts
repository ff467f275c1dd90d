/**
 * The vault: the SmartSimple API password, every function token and the LLM key live in the OS
 * keychain (keytar), keyed per instance. Never in SQLite, logs, exports, or anything sent to the
 * renderer, which only learns "set" or "not set"; SQLite keeps only the names of the entries
 * (account-index.ts). With no keychain, the vault says so plainly and refuses to store secrets
 * anywhere else. Its keytar calls run one at a time (keychain-access.ts) and it never asks the
 * keychain to enumerate entries: both crash keytar.
 */
import { AppError } from '../errors/app-error';
import type { Logger, SecretRegistry } from '../log/logger';
import { memoryAccountIndex, type AccountIndex } from './account-index';
import { createKeychainAccess, type KeychainBackend, type VaultStatus } from './keychain-access';

export { PROBE_TTL_MS, type KeychainBackend, type VaultStatus } from './keychain-access';

export const KEYCHAIN_SERVICE = 'SmartSimple Admin Desk';

export type SecretRef =
  | { kind: 'password'; instanceId: string }
  | { kind: 'token'; instanceId: string; functionName: string }
  | { kind: 'llm-key' };

function instanceOf(ref: SecretRef): string | null {
  return ref.kind === 'llm-key' ? null : ref.instanceId;
}

export function accountOf(ref: SecretRef): string {
  switch (ref.kind) {
    case 'password':
      return `instance/${ref.instanceId}/password`;
    case 'token':
      return `instance/${ref.instanceId}/token/${ref.functionName}`;
    case 'llm-key':
      return 'llm/api-key';
  }
}

export interface Vault {
  status(): Promise<VaultStatus>;
  get(ref: SecretRef): Promise<string | null>;
  set(ref: SecretRef, value: string): Promise<void>;
  delete(ref: SecretRef): Promise<void>;
  /** Which secrets of an instance are set: the password, and the function names with a token. */
  instanceStatus(instanceId: string): Promise<{ password: boolean; tokens: string[] }>;
  /** Removes every secret of an instance. */
  deleteInstance(instanceId: string): Promise<number>;
}

export function createVault(options: {
  secrets: SecretRegistry;
  logger: Logger;
  keychain?: KeychainBackend | (() => Promise<KeychainBackend>);
  service?: string;
  /** Where the names of the entries are kept; the backend passes the SQLite one. */
  accounts?: AccountIndex;
  /** Tests shorten how long a good round trip is trusted. */
  probeTtlMs?: number;
}): Vault {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const accounts = options.accounts ?? memoryAccountIndex();
  const { status, call } = createKeychainAccess({ ...options, service });

  const read = async (account: string): Promise<string | null> => {
    const value = await call((k) => k.getPassword(service, account));
    if (value) options.secrets.add(value);
    return value;
  };

  return {
    status,
    async get(ref) {
      const value = await read(accountOf(ref));
      // An entry written before the names were kept gets its name now.
      if (value) accounts.add(service, accountOf(ref), instanceOf(ref));
      return value;
    },
    async set(ref, value) {
      if (!value) throw new AppError('VALIDATION', 'A secret cannot be empty.');
      options.secrets.add(value);
      // The name first: a crash between the two leaves a name without an entry (dropped at the
      // next listing), never an entry nothing points at.
      accounts.add(service, accountOf(ref), instanceOf(ref));
      await call((k) => k.setPassword(service, accountOf(ref), value));
    },
    async delete(ref) {
      await call((k) => k.deletePassword(service, accountOf(ref)));
      accounts.remove(service, accountOf(ref));
    },
    async instanceStatus(instanceId) {
      const prefix = `instance/${instanceId}/`;
      const present: string[] = [];
      for (const account of accounts.list(service, instanceId)) {
        if ((await read(account)) !== null) present.push(account);
        else accounts.remove(service, account);
      }
      return {
        password: present.includes(`${prefix}password`),
        tokens: present
          .filter((a) => a.startsWith(`${prefix}token/`))
          .map((a) => a.slice(`${prefix}token/`.length))
          .sort(),
      };
    },
    async deleteInstance(instanceId) {
      let deleted = 0;
      for (const account of accounts.list(service, instanceId)) {
        if (await call((k) => k.deletePassword(service, account))) deleted++;
        accounts.remove(service, account);
      }
      return deleted;
    },
  };
}
