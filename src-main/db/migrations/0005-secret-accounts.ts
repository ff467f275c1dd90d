import type { Migration } from './index';

/**
 * The names of the vault's keychain entries (never their values). The vault lists an instance's
 * secrets from here and reads each by name, instead of asking the keychain to enumerate a
 * service: keytar's enumeration crashes the process when another caller deletes an entry at the
 * same moment.
 *
 * Choices worth knowing:
 * - Keyed by keychain service and account, as the keychain keys them; `instance_id` is NULL for
 *   the app-wide entries (the LLM key).
 * - No foreign key to `instances`: a row must outlive its instance until the vault has deleted
 *   the keychain entry it names, or that entry would be orphaned with nothing pointing at it.
 * - A row may name an entry that is gone (written before a set that failed, or deleted by
 *   another program): the vault reads each entry and drops rows whose entry is missing.
 * - Existing connections are backfilled with the names the vault would have used, under the
 *   app's keychain service (tests and benchmarks use other services but start from empty folders).
 */
export const m0005SecretAccounts: Migration = {
  version: 5,
  name: 'secret-accounts',
  up(db) {
    db.exec(`
      CREATE TABLE keychain_accounts (
        service TEXT NOT NULL,
        account TEXT NOT NULL,
        instance_id TEXT,
        PRIMARY KEY (service, account)
      ) STRICT;
      CREATE INDEX keychain_accounts_instance ON keychain_accounts(service, instance_id);

      INSERT INTO keychain_accounts (service, account, instance_id)
        SELECT 'SmartSimple Admin Desk', 'instance/' || id || '/password', id FROM instances;
      INSERT INTO keychain_accounts (service, account, instance_id)
        SELECT 'SmartSimple Admin Desk', 'instance/' || instance_id || '/token/' || name, instance_id
        FROM instance_functions;
    `);
  },
};
