import type { Migration } from './index';

/** Settings, the SmartSimple instances, and the job history. */
export const m0001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE instances (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        host TEXT NOT NULL,
        alias TEXT NOT NULL,
        root_company_id TEXT NOT NULL,
        api_version INTEGER NOT NULL CHECK (api_version IN (1, 2)),
        is_sandbox INTEGER NOT NULL DEFAULT 0 CHECK (is_sandbox IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        instance_id TEXT REFERENCES instances(id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
        done INTEGER NOT NULL DEFAULT 0,
        total INTEGER,
        message TEXT,
        error TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX jobs_started ON jobs(started_at DESC);
      -- Start-up looks for jobs a previous process left unfinished; keep that lookup off a full scan.
      CREATE INDEX jobs_unfinished ON jobs(state) WHERE state IN ('queued', 'running');
    `);
  },
};
