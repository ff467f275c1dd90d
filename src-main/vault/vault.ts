/**
 * The vault: the SmartSimple API password, every function token and the LLM key live in the OS
 * keychain (keytar), keyed per instance. Never in SQLite, logs, exports, or anything sent to the
 * renderer, which only learns "set" or "not set". With no keychain, the vault says so plainly and
 * refuses to store secrets anywhere else.
 */
import { AppError } from '../errors/app-error';
import type { Logger, SecretRegistry } from '../log/logger';

/** The part of keytar the vault uses; tests of the no-keychain path pass a failing one. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export const KEYCHAIN_SERVICE = 'SmartSimple Admin Desk';

export type SecretRef =
  | { kind: 'password'; instanceId: string }
  | { kind: 'token'; instanceId: string; functionName: string }
  | { kind: 'llm-key' };

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

export interface VaultStatus {
  available: boolean;
  /** Why not, in words an administrator can act on. */
  reason: string | null;
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

const NO_KEYCHAIN =
  'No OS keychain is available, so Admin Desk cannot keep your SmartSimple password and tokens. ' +
  'Start or unlock your keyring (GNOME Keyring or KWallet on Linux, Keychain on macOS, Credential Manager on Windows) and try again. ' +
  'Admin Desk will not store secrets anywhere else.';

async function loadKeytar(): Promise<KeychainBackend> {
  const mod = (await import('keytar')) as unknown as { default?: KeychainBackend } & KeychainBackend;
  return mod.default ?? mod;
}

export function createVault(options: {
  secrets: SecretRegistry;
  logger: Logger;
  keychain?: KeychainBackend | (() => Promise<KeychainBackend>);
  service?: string;
}): Vault {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const log = options.logger;
  let backend: Promise<KeychainBackend> | null = null;
  let probed: VaultStatus | null = null;

  const keychain = (): Promise<KeychainBackend> => {
    backend ??=
      typeof options.keychain === 'function'
        ? options.keychain()
        : Promise.resolve(options.keychain ?? loadKeytar()).then((k) => k);
    return backend;
  };

  const status = async (): Promise<VaultStatus> => {
    if (probed?.available) return probed;
    try {
      const k = await keychain();
      await k.findCredentials(service);
      probed = { available: true, reason: null };
    } catch (err) {
      backend = null;
      log.warn('keychain unavailable', { error: err });
      probed = { available: false, reason: NO_KEYCHAIN };
    }
    return probed;
  };

  /** Runs a keychain operation, translating failure into a clear UNAVAILABLE error. */
  const withKeychain = async <T>(op: (k: KeychainBackend) => Promise<T>): Promise<T> => {
    const s = await status();
    if (!s.available) throw new AppError('UNAVAILABLE', NO_KEYCHAIN);
    try {
      return await op(await keychain());
    } catch (err) {
      probed = null;
      log.error('keychain operation failed', { error: err });
      throw new AppError('UNAVAILABLE', NO_KEYCHAIN);
    }
  };

  return {
    status,
    async get(ref) {
      const value = await withKeychain((k) => k.getPassword(service, accountOf(ref)));
      if (value) options.secrets.add(value);
      return value;
    },
    async set(ref, value) {
      if (!value) throw new AppError('VALIDATION', 'A secret cannot be empty.');
      options.secrets.add(value);
      await withKeychain((k) => k.setPassword(service, accountOf(ref), value));
    },
    async delete(ref) {
      await withKeychain((k) => k.deletePassword(service, accountOf(ref)));
    },
    async instanceStatus(instanceId) {
      const prefix = `instance/${instanceId}/`;
      const all = await withKeychain((k) => k.findCredentials(service));
      const mine = all.filter((c) => c.account.startsWith(prefix));
      for (const c of mine) options.secrets.add(c.password);
      return {
        password: mine.some((c) => c.account === `${prefix}password`),
        tokens: mine
          .filter((c) => c.account.startsWith(`${prefix}token/`))
          .map((c) => c.account.slice(`${prefix}token/`.length))
          .sort(),
      };
    },
    async deleteInstance(instanceId) {
      const prefix = `instance/${instanceId}/`;
      return withKeychain(async (k) => {
        const mine = (await k.findCredentials(service)).filter((c) => c.account.startsWith(prefix));
        for (const c of mine) await k.deletePassword(service, c.account);
        return mine.length;
      });
    },
  };
}
