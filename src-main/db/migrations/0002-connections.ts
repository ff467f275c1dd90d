import type { Migration } from './index';

/**
 * What a connection needs besides its secrets: the API user's login, the function registry
 * (names, types, actions, field lists; the tokens live in the keychain), the calls made in the
 * rolling hour (the budget survives a restart), and the last connection test.
 */
export const m0002Connections: Migration = {
  version: 2,
  name: 'connections',
  up(db) {
    db.exec(`
      ALTER TABLE instances ADD COLUMN username TEXT NOT NULL DEFAULT '';

      CREATE TABLE instance_functions (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        action TEXT NOT NULL,
        fields TEXT NOT NULL DEFAULT '[]',
        reportid TEXT,
        PRIMARY KEY (instance_id, name)
      ) STRICT;

      CREATE TABLE api_calls (
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX api_calls_window ON api_calls(instance_id, at);

      CREATE TABLE connection_tests (
        instance_id TEXT PRIMARY KEY REFERENCES instances(id) ON DELETE CASCADE,
        tested_at TEXT NOT NULL,
        result TEXT NOT NULL
      ) STRICT;
    `);
  },
};
