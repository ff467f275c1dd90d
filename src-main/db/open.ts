/**
 * Opens the app database: WAL, foreign keys, busy timeout, and forward-only migrations on
 * `user_version`. All pending migrations run in one transaction after a backup copy of an
 * existing file; a database written by a newer version is refused and left untouched. A damaged
 * file (empty, not a database, cut short, or unversioned but holding tables) is never replaced
 * silently: it is refused untouched, or, when the administrator chose to start anew, moved aside.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors/app-error';
import type { Logger } from '../log/logger';
import { silentLogger } from '../log/logger';
import { damagedCopyName, damagedDatabaseError, inspectDatabase, moveAside, type DamageKind } from './damage';
import { MIGRATIONS, type Migration } from './migrations';
import { announceWrites } from './write-turns';

export type DB = Database.Database;

export interface OpenOptions {
  logger?: Logger;
  migrations?: readonly Migration[];
  /** Where backups go; default beside the file in `backups/`. */
  backupDir?: string;
  /** Clock for backup names, injectable in tests. */
  now?: () => Date;
  /**
   * A damaged file: 'refuse' (default) throws an UNAVAILABLE AppError (see isDamagedDatabaseError)
   * and changes nothing; 'start-new' moves it aside with its -wal/-shm and creates a new one.
   */
  onDamaged?: 'refuse' | 'start-new';
}

export interface OpenResult {
  db: DB;
  /** Version before and after migrating. */
  from: number;
  to: number;
  backupFile: string | null;
  /** Set when a damaged file was moved aside to start anew. */
  movedAside: { damage: DamageKind; files: string[] } | null;
}

/** The newest schema version this code knows. */
export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Reads `user_version` without changing a byte of the file (null when there is none); a damaged
 * file is refused with the damaged-database error.
 */
export function peekVersion(file: string): number | null {
  const found = inspectDatabase(file);
  if (found.state === 'damaged') throw damagedDatabaseError(file, found.kind, found.detail);
  return found.state === 'ok' ? found.version : null;
}

/** Checks the file before anything writes to it; refuses or moves aside a damaged one. */
function admit(file: string, options: OpenOptions): { existing: number | null; movedAside: OpenResult['movedAside'] } {
  const log = options.logger ?? silentLogger;
  const found = inspectDatabase(file);
  if (found.state !== 'damaged') return { existing: found.state === 'ok' ? found.version : null, movedAside: null };
  if (options.onDamaged !== 'start-new') {
    log.error('refused a damaged database; it was not changed', { file, damage: found.kind, detail: found.detail });
    throw damagedDatabaseError(file, found.kind, found.detail);
  }
  const files = moveAside(file, damagedCopyName(file, options.now?.() ?? new Date()));
  log.warn('moved a damaged database aside to start with a new one', { file, damage: found.kind, movedTo: files });
  return { existing: null, movedAside: { damage: found.kind, files } };
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenResult {
  const log = options.logger ?? silentLogger;
  const migrations = [...(options.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version);
  checkMigrationList(migrations);
  const latest = latestVersion(migrations);

  // Refuse a database from the future before opening it for writing: opening read-write would
  // switch it to WAL and so change its header.
  const { existing, movedAside } = admit(file, options);
  if (existing !== null && existing > latest) {
    throw new AppError(
      'UNAVAILABLE',
      `The database ${path.basename(file)} was written by a newer version of Admin Desk (schema ${existing}; this version knows up to ${latest}). Update Admin Desk, or move the file away to start fresh. The file was not changed.`,
    );
  }

  fs.mkdirSync(path.dirname(file), { recursive: true });
  let backupFile: string | null = null;
  const pending = migrations.filter((m) => m.version > (existing ?? 0));
  if (existing !== null && existing > 0 && pending.length > 0) {
    backupFile = backupBeforeMigrating(file, existing, options);
    log.info('backed up database before migrating', { from: existing, backupFile });
  }

  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    const from = db.pragma('user_version', { simple: true }) as number;
    if (pending.length > 0) {
      // One transaction for all of them: a failure leaves the file at its old version.
      db.transaction(() => {
        for (const m of pending) {
          m.up(db);
          db.pragma(`user_version = ${m.version}`);
        }
      }).immediate();
      log.info('migrated database', { from, to: latest, applied: pending.map((m) => m.name) });
    }
    // The sync's write worker gives way to this connection's writes (write-turns.ts).
    announceWrites(db);
    return { db, from, to: latest, backupFile, movedAside };
  } catch (err) {
    db.close();
    throw err;
  }
}

function backupBeforeMigrating(file: string, version: number, options: OpenOptions): string {
  const dir = options.backupDir ?? path.join(path.dirname(file), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file, '.sqlite')}-v${version}-${stamp}.sqlite`);
  // VACUUM INTO writes a consistent copy including whatever sits in the WAL.
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    source.prepare('VACUUM INTO ?').run(target);
  } finally {
    source.close();
  }
  return target;
}

function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migrations must be numbered 1..n without gaps; found ${m.version} at position ${i + 1}`);
    }
  });
}
