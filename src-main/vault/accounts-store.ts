/** The names of the vault's keychain entries in SQLite: the `keychain_accounts` table (migration 5). */
import type { DB } from '../db/open';
import type { AccountIndex } from './account-index';

export function sqliteAccountIndex(db: DB): AccountIndex {
  const list = db.prepare(
    'SELECT account FROM keychain_accounts WHERE service = ? AND instance_id = ? ORDER BY account',
  );
  const add = db.prepare(
    'INSERT INTO keychain_accounts (service, account, instance_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const remove = db.prepare('DELETE FROM keychain_accounts WHERE service = ? AND account = ?');
  return {
    list: (service, instanceId) => list.pluck().all(service, instanceId) as string[],
    add: (service, account, instanceId) => void add.run(service, account, instanceId),
    remove: (service, account) => void remove.run(service, account),
  };
}
