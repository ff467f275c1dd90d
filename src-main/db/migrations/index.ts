/** Numbered, forward-only migrations. Add a file, append it here, and give it its own test. */
import type Database from 'better-sqlite3';
import { m0001Initial } from './0001-initial';
import { m0002Connections } from './0002-connections';
import { m0003Mirror } from './0003-mirror';
import { m0004Plans } from './0004-plans';
// 0005: added by another branch; 0006 follows it.
import { m0006AiSuggestions } from './0006-ai-suggestions';

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
  // 0005 goes here. The list must stay gapless (open.ts checks), so 0006 joins it only after 0005.
];

/** Written, tested, and waiting for 0005 to land before it can join MIGRATIONS. */
export const PENDING_MIGRATIONS: readonly Migration[] = [m0006AiSuggestions];
