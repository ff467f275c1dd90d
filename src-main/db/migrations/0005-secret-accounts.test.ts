import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { m0001Initial } from './0001-initial';
import { m0002Connections } from './0002-connections';
import { m0003Mirror } from './0003-mirror';
import { m0004Plans } from './0004-plans';
import { m0005SecretAccounts } from './0005-secret-accounts';

function beforeFive(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of [m0001Initial, m0002Connections, m0003Mirror, m0004Plans]) m.up(db);
  db.prepare(
    `INSERT INTO instances (id, name, host, alias, root_company_id, api_version, created_at, updated_at)
     VALUES ('i1', 'Prod', 'https://a.smartsimple.com', 'a', '1', 1, 'now', 'now')`,
  ).run();
  for (const name of ['users.list', 'users.update'])
    db.prepare("INSERT INTO instance_functions (instance_id, name, type, action) VALUES ('i1', ?, 'user', 'list')").run(
      name,
    );
  return db;
}

describe('migration 5: the names of the keychain entries', () => {
  it('backfills the names existing connections use, under the app’s keychain service', () => {
    const db = beforeFive();
    m0005SecretAccounts.up(db);
    expect(db.prepare('SELECT service, account, instance_id FROM keychain_accounts ORDER BY account').all()).toEqual([
      { service: 'SmartSimple Admin Desk', account: 'instance/i1/password', instance_id: 'i1' },
      { service: 'SmartSimple Admin Desk', account: 'instance/i1/token/users.list', instance_id: 'i1' },
      { service: 'SmartSimple Admin Desk', account: 'instance/i1/token/users.update', instance_id: 'i1' },
    ]);
    db.close();
  });

  it('keys by service and account, holds no secret, and outlives its instance', () => {
    const db = beforeFive();
    m0005SecretAccounts.up(db);
    const insert = db.prepare('INSERT INTO keychain_accounts (service, account, instance_id) VALUES (?, ?, ?)');
    insert.run('other service', 'instance/i1/password', 'i1');
    insert.run('other service', 'llm/api-key', null);
    expect(() => insert.run('other service', 'llm/api-key', null)).toThrow(/UNIQUE|PRIMARY/);
    const columns = db.prepare("SELECT name FROM pragma_table_info('keychain_accounts')").pluck().all() as string[];
    expect(columns.sort()).toEqual(['account', 'instance_id', 'service']);
    // The keychain entries are still there until the vault deletes them, so the names stay too.
    db.prepare("DELETE FROM instances WHERE id = 'i1'").run();
    expect(db.prepare('SELECT count(*) FROM keychain_accounts').pluck().get()).toBe(5);
    db.close();
  });
});
