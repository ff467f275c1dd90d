/**
 * Tells a damaged database file from a healthy or missing one before anything writes to it, and
 * moves a damaged one aside (with its -wal and -shm) once the administrator chose to start anew.
 *
 * The checks are cheap on purpose (the header, the size against the page count, the schema
 * table): a full integrity check would read every page of a large mirror at each start.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors/app-error';

export type DamageKind = 'empty' | 'not-a-database' | 'truncated' | 'corrupt' | 'unversioned-with-tables';

export type Inspection =
  { state: 'missing' } | { state: 'ok'; version: number } | { state: 'damaged'; kind: DamageKind; detail: string };

/** What a refused start carries in `details`, so a shell can offer to start anew. */
export interface DamagedDatabaseDetails {
  reason: 'damaged-database';
  damage: DamageKind;
  file: string;
  /** What was found, in words. */
  detail: string;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
const damaged = (kind: DamageKind, detail: string): Inspection => ({ state: 'damaged', kind, detail });

/** Looks at the file without changing a byte of it (read-only, no WAL switch). */
export function inspectDatabase(file: string): Inspection {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw err;
  }
  if (size === 0) return damaged('empty', 'the file is empty (0 bytes)');
  const header = readHeader(file);
  if (header.length < HEADER_BYTES || !header.subarray(0, 16).equals(SQLITE_MAGIC))
    return damaged('not-a-database', 'the file does not begin with the SQLite header');
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0)
    return damaged('not-a-database', `the header names an impossible page size (${raw})`);
  // Pages still in the write-ahead log are not in the main file yet: judge the size only without one.
  if (!hasContent(`${file}-wal`)) {
    // The page count in the header is trustworthy only when its "valid for" counter matches.
    const pages = header.readUInt32BE(28);
    const countValid = header.readUInt32BE(92) === header.readUInt32BE(24) && pages > 0;
    if (size % pageSize !== 0 || (countValid && size < pages * pageSize))
      return damaged(
        'truncated',
        `the file is cut short (${size} bytes; the header says ${pages} pages of ${pageSize})`,
      );
  }
  return probe(file);
}

function probe(file: string): Inspection {
  let db: Database.Database | null = null;
  // A read-only connection to a WAL-mode file creates an empty -wal and -shm it cannot remove.
  const created = ['-wal', '-shm'].map((s) => file + s).filter((f) => !fs.existsSync(f));
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const { n } = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (version === 0 && n > 0)
      return damaged(
        'unversioned-with-tables',
        `it holds ${n} tables but no schema version: it is not ours, or it lost its header`,
      );
    return { state: 'ok', version };
  } catch (err) {
    const code = String((err as { code?: unknown }).code ?? '');
    // Only damage counts as damage: a locked or unreadable file is an ordinary error, left to rise.
    if (code === 'SQLITE_NOTADB') return damaged('not-a-database', 'SQLite does not recognise it as a database');
    if (code.startsWith('SQLITE_CORRUPT')) return damaged('corrupt', `SQLite reports it corrupt (${code})`);
    throw err;
  } finally {
    db?.close();
    // Leave the folder as it was: remove only what this probe made and only while it is empty.
    if (created.length === 2) for (const f of created) if (fs.existsSync(f) && !hasContent(`${file}-wal`)) fs.rmSync(f);
  }
}

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(HEADER_BYTES);
    return buf.subarray(0, fs.readSync(fd, buf, 0, HEADER_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

function hasContent(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

/** The timestamped name a damaged file moves to, beside it. */
export function damagedCopyName(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.damaged-${stamp}${ext || '.sqlite'}`);
}

/** Renames the file and its -wal/-shm to `target` (never copies, never deletes); returns what moved. */
export function moveAside(file: string, target: string): string[] {
  const moved: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    if (!fs.existsSync(file + suffix)) continue;
    fs.renameSync(file + suffix, target + suffix);
    moved.push(target + suffix);
  }
  return moved;
}

export function damagedDatabaseError(file: string, kind: DamageKind, detail: string): AppError {
  const details: DamagedDatabaseDetails = { reason: 'damaged-database', damage: kind, file, detail };
  const copy = path.basename(damagedCopyName(file, new Date(0))).replace(/1970-01-01T00-00-00-000Z/, '<date-time>');
  return new AppError(
    'UNAVAILABLE',
    `The database ${file} is damaged: ${detail}. It was not changed and is still there. To keep working, start ` +
      `with a new database: Admin Desk then moves the damaged file aside, in the same folder, as ${copy} ` +
      `(nothing is deleted), and starts empty. Or quit and put a good copy in its place (the backups folder ` +
      `beside it holds the copies taken before each upgrade).`,
    details,
  );
}

/** Is this the refusal of a damaged database (so the shell may offer to start with a new one)? */
export function isDamagedDatabaseError(err: unknown): err is AppError & { details: DamagedDatabaseDetails } {
  return (
    err instanceof AppError &&
    (err.details as Partial<DamagedDatabaseDetails> | undefined)?.reason === 'damaged-database'
  );
}
