import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';
import { m0016LogPersonIndexes } from './0016-log-person-indexes';

describe('migration log-person-indexes', () => {
  it("looks up a person's sessions and access events through an index, not a scan", () => {
    const db = new Database(':memory:');
    for (const m of MIGRATIONS) if (m.version <= m0016LogPersonIndexes.version) m.up(db);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(7) as { detail: string }[]).map((p) => p.detail).join('\n');
    expect(plan('SELECT started_at FROM mirror_login_sessions WHERE user_key = ? ORDER BY started_at')).toMatch(
      /USING (COVERING )?INDEX mirror_login_sessions_user/,
    );
    expect(plan('SELECT at FROM mirror_access_events WHERE user_key = ? ORDER BY at')).toMatch(
      /USING (COVERING )?INDEX mirror_access_events_user/,
    );
  });
});
