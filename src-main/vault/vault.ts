/**
 * The vault: the SmartSimple API password, every function token and the LLM key live in the OS
 * keychain (keytar), keyed per instance. Never in SQLite, logs, exports, or anything sent to the
 * renderer, which only learns "set" or "not set"; SQLite keeps only the names of the entries
 * (account-index.ts). With no keychain, the vault says so plainly and refuses to store secrets
 * anywhere else. Its keytar calls run one at a time (serial-queue.ts) and it never asks the
 * keychain to enumerate entries: both crash keytar.
 */
import crypto from 'node:crypto';
import { AppError } from '../errors/app-error';
import type { Logger, SecretRegistry } from '../log/logger';
import { memoryAccountIndex, type AccountIndex } from './account-index';
import { createSerialQueue, type SerialQueue } from './serial-queue';

/**
 * The part of keytar the vault uses; tests pass failing or counting ones. keytar sits behind
 * this interface so another binding (e.g. `@napi-rs/keyring`) can replace it.
 */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  /**
   * Never called by the vault: keytar's enumeration crashes the process (NULL secret, SIGSEGV)
   * when another caller deletes an entry while it lists. The vault keeps the names itself
   * (account-index.ts). Kept optional so existing test doubles still fit.
   */
  findCredentials?(service: string): Promise<Array<{ account: string; password: string }>>;
}

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

/** A keychain that answered the round trip is trusted this long before it is checked again. */
export const PROBE_TTL_MS = 10 * 60_000;

/**
 * Does the keychain really store and read? A listing can succeed on a Secret Service with no
 * unlocked collection, where every write then fails; so write a probe entry of our own, read it
 * back, compare, delete. The probe's account is this vault's alone, so another program touching
 * the keyring cannot fail it.
 */
async function roundTrip(k: KeychainBackend, serial: SerialQueue, service: string): Promise<void> {
  const account = `admin-desk/probe/${crypto.randomUUID()}`;
  const value = crypto.randomBytes(12).toString('hex');
  try {
    await serial(() => k.setPassword(service, account, value));
    const back = await serial(() => k.getPassword(service, account));
    if (back !== value) throw new Error('the keychain did not return what was stored in it');
  } finally {
    await serial(() => k.deletePassword(service, account)).catch(() => false);
  }
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
  const log = options.logger;
  const accounts = options.accounts ?? memoryAccountIndex();
  const ttl = options.probeTtlMs ?? PROBE_TTL_MS;
  // Every keytar call of this vault goes through here, one at a time.
  const serial = createSerialQueue();
  let backend: Promise<KeychainBackend> | null = null;
  let probed: { status: VaultStatus; at: number } | null = null;
  let probing: Promise<VaultStatus> | null = null;

  const keychain = (): Promise<KeychainBackend> => {
    backend ??=
      typeof options.keychain === 'function'
        ? options.keychain()
        : Promise.resolve(options.keychain ?? loadKeytar()).then((k) => k);
    return backend;
  };

  const probe = async (): Promise<VaultStatus> => {
    try {
      await roundTrip(await keychain(), serial, service);
      probed = { status: { available: true, reason: null }, at: Date.now() };
    } catch (err) {
      backend = null;
      log.warn('keychain unavailable', { error: err });
      probed = { status: { available: false, reason: NO_KEYCHAIN }, at: Date.now() };
    }
    return probed.status;
  };

  /** A good round trip is trusted for a while; a failed one is retried at the next call. */
  const status = async (): Promise<VaultStatus> => {
    if (probed?.status.available && Date.now() - probed.at < ttl) return probed.status;
    probing ??= probe().finally(() => (probing = null));
    return probing;
  };

  /** Runs one keychain call in the queue, translating failure into a clear UNAVAILABLE error. */
  const call = async <T>(op: (k: KeychainBackend) => Promise<T>): Promise<T> => {
    const s = await status();
    if (!s.available) throw new AppError('UNAVAILABLE', NO_KEYCHAIN);
    try {
      const k = await keychain();
      return await serial(() => op(k));
    } catch (err) {
      probed = null;
      log.error('keychain operation failed', { error: err });
      throw new AppError('UNAVAILABLE', NO_KEYCHAIN);
    }
  };

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
