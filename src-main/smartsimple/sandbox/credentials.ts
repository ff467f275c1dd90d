/**
 * Remote-call credentials: alias, root company id, and the username (e-mail) and password of a
 * user whose access type is API Access, active, not expired and not locked. Wrong passwords count
 * toward a lockout (the password policy's retry limit), which is why the client must never retry
 * a credential failure on its own.
 */
import { ACCESS_TYPES, ERROR_TEXTS } from '../protocol';
import { SandboxError } from './errors';
import type { Person } from './model';
import type { InstanceState } from './state';

export const LOCKOUT_AFTER = 5;

interface Account {
  password: string;
  failures: number;
  locked: boolean;
}

export class ApiCredentials {
  private readonly accounts = new Map<number, Account>();

  constructor(private readonly state: InstanceState) {}

  /** Gives a person a password for remote calls (they still need access type API). */
  setPassword(personId: number, password: string): void {
    this.accounts.set(personId, { password, failures: 0, locked: false });
  }
  unlock(personId: number): void {
    const account = this.accounts.get(personId);
    if (account) Object.assign(account, { failures: 0, locked: false });
  }
  isLocked(personId: number): boolean {
    return this.accounts.get(personId)?.locked ?? false;
  }
  failures(personId: number): number {
    return this.accounts.get(personId)?.failures ?? 0;
  }

  /** The API user the call runs as, or the credentials error (the same text whatever was wrong). */
  authenticate(params: Readonly<Record<string, string>>, now: number): Person {
    const fail = (detail: string): never => {
      throw new SandboxError(ERROR_TEXTS.credentials, detail);
    };
    if ((params.alias ?? '').toLowerCase() !== this.state.alias.toLowerCase()) fail('alias');
    if ((params.companyid ?? '').trim() !== String(this.state.rootCompanyId)) fail('companyid');
    const username = (params.username ?? '').trim().toLowerCase();
    if (!username) fail('no username');
    // Only people with a password can authenticate; there are a handful, so a scan is cheap.
    let person: Person | undefined;
    let account: Account | undefined;
    for (const [personId, candidate] of this.accounts) {
      const p = this.state.person(personId);
      if (p && p.email.toLowerCase() === username) {
        person = p;
        account = candidate;
      }
    }
    if (!person || !account) return fail('unknown user');
    if (account.locked) fail('locked');
    if (person.accessType !== ACCESS_TYPES.api) fail('not an API Access user');
    if (person.status !== 'Active') fail('status');
    if (person.accessExpiry !== null && person.accessExpiry <= now) fail('expired');
    if (params.password !== account.password) {
      account.failures++;
      if (account.failures >= LOCKOUT_AFTER) account.locked = true;
      fail(account.locked ? 'wrong password, now locked' : 'wrong password');
    }
    account.failures = 0;
    return person;
  }
}
