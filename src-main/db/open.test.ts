import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { latestVersion, openDatabase } from './open';
import type { Migration } from './migrations';

const tempDir = useTempDirs();
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('creates a new database at the latest version with WAL and foreign keys', () => {
    const file = path.join(tempDir(), 'a.sqlite');
    const { db, from, to, backupFile } = openDatabase(file);
    expect(from).toBe(0);
    expect(to).toBe(latestVersion());
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(backupFile).toBeNull();
    db.close();
  });

  it('refuses a database written by a newer version and leaves it byte-identical', () => {
    const dir = tempDir();
    const file = path.join(dir, 'future.sqlite');
    const future = new Database(file);
    future.exec("CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES ('keep me')");
    future.pragma(`user_version = ${latestVersion() + 5}`);
    future.close();
    const before = sha(file);
    const filesBefore = fs.readdirSync(dir).sort();

    expect(() => openDatabase(file)).toThrow(/newer version of Admin Desk/);
    try {
      openDatabase(file);
    } catch (err) {
      expect((err as { code?: string }).code).toBe('UNAVAILABLE');
    }
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('backs up an existing database before migrating and runs all pending migrations in one transaction', () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.sqlite');
    const v1: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE t (x INTEGER)') };
    const first = openDatabase(file, { migrations: [v1] });
    first.db.prepare('INSERT INTO t VALUES (42)').run();
    first.db.close();

    const v2: Migration = { version: 2, name: 'two', up: (db) => db.exec('ALTER TABLE t ADD COLUMN y TEXT') };
    const v3: Migration = { version: 3, name: 'three', up: (db) => db.exec('CREATE TABLE u (z INTEGER)') };
    const second = openDatabase(file, { migrations: [v1, v2, v3] });
    expect(second.from).toBe(1);
    expect(second.to).toBe(3);
    expect(second.backupFile).not.toBeNull();
    const backup = new Database(second.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT x FROM t').get()).toEqual({ x: 42 });
    backup.close();
    second.db.close();
  });

  it('rolls every pending migration back when one fails, keeping the data', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const v1: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE t (x INTEGER)') };
    const first = openDatabase(file, { migrations: [v1] });
    first.db.prepare('INSERT INTO t VALUES (7)').run();
    first.db.close();
    const v2: Migration = { version: 2, name: 'two', up: (db) => db.exec('CREATE TABLE u (z INTEGER)') };
    const broken: Migration = { version: 3, name: 'broken', up: (db) => db.exec('THIS IS NOT SQL') };
    expect(() => openDatabase(file, { migrations: [v1, v2, broken] })).toThrow();
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'u'").get()).toEqual({ n: 0 });
    expect(check.prepare('SELECT x FROM t').get()).toEqual({ x: 7 });
    check.close();
  });

  it('rejects a migration list with gaps', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const m: Migration = { version: 2, name: 'gap', up: () => {} };
    expect(() => openDatabase(file, { migrations: [m] })).toThrow(/without gaps/);
  });
});
