/**
 * What the channel tests share: a channel's result unwrapped (a refusal throws with its code), and
 * whether this machine has a Secret Service to run the keychain-backed tests against.
 */
import crypto from 'node:crypto';
import type { Result } from '../../src-preload/contract';
import { SecretRegistry, silentLogger } from '../log/logger';
import { createVault } from '../vault/vault';

export async function ok<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

export interface TestKeychain {
  /** A keychain service name of this test file's own, so runs never share entries. */
  service: string;
  /** True when the tests cannot run here: no Secret Service, and CI did not demand one. */
  skip: boolean;
}

/** CI sets ADMIN_DESK_REQUIRE_KEYCHAIN=1, so a missing Secret Service fails there instead of skipping. */
export async function testKeychain(): Promise<TestKeychain> {
  const service = `Admin Desk test ${crypto.randomUUID()}`;
  const available = (await createVault({ secrets: new SecretRegistry(), logger: silentLogger, service }).status())
    .available;
  return { service, skip: !available && process.env.ADMIN_DESK_REQUIRE_KEYCHAIN !== '1' };
}
