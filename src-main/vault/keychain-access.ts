/**
 * The vault's one door to the keychain: loads keytar (or the backend a test passes), runs every
 * call through one serial queue, answers "is there a keychain?" with a cached round trip, and
 * turns any keychain failure into the same plain UNAVAILABLE error.
 */
import crypto from 'node:crypto';
import { AppError } from '../errors/app-error';
import type { Logger } from '../log/logger';
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

export interface VaultStatus {
  available: boolean;
  /** Why not, in words an administrator can act on. */
  reason: string | null;
}

export const NO_KEYCHAIN =
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

export interface KeychainAccess {
  status(): Promise<VaultStatus>;
  /** Runs one keychain call in the queue; any failure becomes UNAVAILABLE and forces a new check. */
  call<T>(op: (k: KeychainBackend) => Promise<T>): Promise<T>;
}

export function createKeychainAccess(options: {
  logger: Logger;
  service: string;
  keychain?: KeychainBackend | (() => Promise<KeychainBackend>);
  probeTtlMs?: number;
}): KeychainAccess {
  const { service, logger: log } = options;
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

  return { status, call };
}
