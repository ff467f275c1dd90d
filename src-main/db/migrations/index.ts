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
import { m0009Reserved } from './0009-reserved';
import { m0010IntakeDocuments } from './0010-intake-documents';
import { m0015Onboarding } from './0015-onboarding';

export interface Migration {
  version: number;
  name: string;
  /** Runs inside the migration transaction: no await, no transaction of its own. */
  up(db: Database.Database): void;
}

/**
 * A number another branch holds while its migration is not merged yet: the list must stay gapless.
 * Replace the line with the real migration when it lands (a database that ran the placeholder
 * would skip the real one, so placeholders exist only on branches, never on main).
 */
function reserved(version: number, branch: string): Migration {
  return { version, name: `reserved-for-${branch}`, up: () => undefined };
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
  m0009Reserved,
  m0010IntakeDocuments,
  reserved(11, 'console-people'),
  reserved(12, 'ask-evidence'),
  reserved(13, 'other-branch'),
  reserved(14, 'other-branch'),
  m0015Onboarding,
];
