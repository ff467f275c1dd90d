/**
 * Who acts on this computer: the one place that names the administrator recorded on plans,
 * approvals, applies and the SmartSimple notes. It is the OS account (the person at the desk)
 * plus the instance's API user (the identity the writes reach SmartSimple under), so an auditor
 * can tie both ends together. Never the renderer's word: it could claim anyone.
 */
import os from 'node:os';
import type { DB } from '../db/open';
import { getUsername } from './store';

/** The plans backend refuses longer actor names. */
const MAX_ACTOR = 120;

function osUser(): string {
  try {
    const name = os.userInfo().username.trim();
    if (name) return name;
  } catch {
    // Some containers have no passwd entry for the uid; fall through to the environment.
  }
  return (process.env.USER ?? process.env.USERNAME ?? 'administrator').trim() || 'administrator';
}

export function localAdministrator(db: DB, instanceId: string): string {
  const apiUser = getUsername(db, instanceId).trim();
  const name = apiUser ? `${osUser()} (API user ${apiUser})` : osUser();
  return name.slice(0, MAX_ACTOR);
}
