/** Numbered, forward-only migrations. Add a file, append it here, and give it its own test. */
import type Database from 'better-sqlite3';
import { m0001Initial } from './0001-initial';
import { m0002Connections } from './0002-connections';
import { m0003Mirror } from './0003-mirror';
import { m0004Plans } from './0004-plans';
import { m0005SecretAccounts } from './0005-secret-accounts';
import { m0006AiSuggestions } from './0006-ai-suggestions';
import { m0007ApprovalReasons } from './0007-approval-reasons';
import { m0008Ask } from './0008-ask';
import { m0013Helpdesk } from './0013-helpdesk';

export interface Migration {
  version: number;
  name: string;
  /** Runs inside the migration transaction: no await, no transaction of its own. */
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  m0001Initial,
  m0002Connections,
  m0003Mirror,
  m0004Plans,
  m0005SecretAccounts,
  m0006AiSuggestions,
  m0007ApprovalReasons,
  m0008Ask,
  // 0009-0012 are reserved for migrations on other branches (findings, and others in flight);
  // these placeholders keep the list gapless until those land and replace them.
  reserved(9),
  reserved(10),
  reserved(11),
  reserved(12),
  m0013Helpdesk,
];

/** A numbered slot kept for a migration of another branch: it does nothing. */
function reserved(version: number): Migration {
  return { version, name: `reserved-${version}`, up: () => undefined };
}
