/**
 * A damaged database file is never replaced silently: each kind of damage is refused with the
 * damaged-database error and a line in the log, leaving the file byte-identical; starting anew
 * moves it aside intact (with its -wal/-shm) and creates a new database.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../log/logger';
import { useTempDirs } from '../test-support/temp-dir';
import { inspectDatabase, isDamagedDatabaseError } from './damage';
import { latestVersion, openDatabase } from './open';

const tempDir = useTempDirs();
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A real database of ours with some rows, closed cleanly (no -wal left). */
function healthy(dir: string): string {
  const file = path.join(dir, 'admin-desk.sqlite');
  const { db } = openDatabase(file);
  db.exec('CREATE TABLE filler (x TEXT)');
  const insert = db.prepare('INSERT INTO filler VALUES (?)');
  for (let i = 0; i < 200; i++) insert.run(crypto.randomBytes(200).toString('hex'));
  db.close();
  return file;
}

const pageSize = (file: string) => {
  const db = new Database(file, { readonly: true });
  const n = db.pragma('page_size', { simple: true }) as number;
  db.close();
  return n;
};

const damages: [string, string, (file: string) => void][] = [
  ['0 bytes', 'empty', (f) => fs.truncateSync(f, 0)],
  ['a half file', 'truncated', (f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2))],
  ['the last page cut', 'truncated', (f) => fs.truncateSync(f, fs.statSync(f).size - pageSize(f))],
  [
    'a garbage header',
    'not-a-database',
    (f) => {
      const fd = fs.openSync(f, 'r+');
      fs.writeSync(fd, crypto.randomBytes(100), 0, 100, 0);
      fs.closeSync(fd);
    },
  ],
  [
    'user_version 0 while it holds tables',
    'unversioned-with-tables',
    (f) => {
      const db = new Database(f);
      db.pragma('user_version = 0');
      db.close();
    },
  ],
];

describe('a damaged database', () => {
  it.each(damages)('with %s is refused, logged, and left byte-identical', (_name, kind, damage) => {
    const dir = tempDir();
    const file = healthy(dir);
    damage(file);
    const before = sha(file);
    const listing = fs.readdirSync(dir).sort();
    const lines: LogRecord[] = [];
    const logger = createLogger('db', { sinks: [(r) => lines.push(r)] });

    let caught: unknown;
    try {
      openDatabase(file, { logger }).db.close();
    } catch (err) {
      caught = err;
    }
    expect(isDamagedDatabaseError(caught)).toBe(true);
    const err = caught as Error & { code: string; details: { damage: string; file: string } };
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.details).toMatchObject({ reason: 'damaged-database', damage: kind, file });
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/not changed.*start with a new database.*damaged-<date-time>\.sqlite/s);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'error', fields: expect.objectContaining({ damage: kind }) }),
    );
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
  });

  it.each(damages)('with %s is moved aside intact when the administrator starts anew', (_name, kind, damage) => {
    const dir = tempDir();
    const file = healthy(dir);
    damage(file);
    const before = sha(file);
    const now = new Date('2026-12-01T10:20:30.456Z');
    const { db, from, movedAside } = openDatabase(file, { onDamaged: 'start-new', now: () => now });
    const copy = path.join(dir, 'admin-desk.damaged-2026-12-01T10-20-30-456Z.sqlite');
    expect(movedAside).toEqual({ damage: kind, files: [copy] });
    expect(sha(copy)).toBe(before);
    expect(from).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    db.close();
  });

  it('moves the -wal and -shm along with the file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'admin-desk.sqlite');
    fs.writeFileSync(file, 'not a database at all, just text that is long enough to fill a header.'.repeat(3));
    fs.writeFileSync(`${file}-wal`, 'wal bytes');
    fs.writeFileSync(`${file}-shm`, 'shm bytes');
    const { db, movedAside } = openDatabase(file, { onDamaged: 'start-new', now: () => new Date(0) });
    db.close();
    const copy = path.join(dir, 'admin-desk.damaged-1970-01-01T00-00-00-000Z.sqlite');
    expect(movedAside?.files).toEqual([copy, `${copy}-wal`, `${copy}-shm`]);
    expect(fs.readFileSync(`${copy}-wal`, 'utf8')).toBe('wal bytes');
    expect(fs.readFileSync(`${copy}-shm`, 'utf8')).toBe('shm bytes');
  });

  it('does not take a healthy file for damage, nor one whose pages still sit in the write-ahead log', () => {
    const dir = tempDir();
    const file = healthy(dir);
    expect(inspectDatabase(file)).toEqual({ state: 'ok', version: latestVersion() });
    // A copy taken while a writer is open: the newest pages are only in the -wal.
    const { db } = openDatabase(file);
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE more (x TEXT)');
    const insert = db.prepare('INSERT INTO more VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run(crypto.randomBytes(200).toString('hex'));
    const copy = path.join(tempDir(), 'admin-desk.sqlite');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    db.close();
    expect(inspectDatabase(copy)).toEqual({ state: 'ok', version: latestVersion() });
    const reopened = openDatabase(copy);
    expect(reopened.db.prepare('SELECT count(*) AS n FROM more').get()).toEqual({ n: 200 });
    reopened.db.close();
  });
});
