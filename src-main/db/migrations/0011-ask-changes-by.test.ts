import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';
import { m0011AskChangesBy } from './0011-ask-changes-by';

describe('migration ask-changes-by', () => {
  it('lets a lookup of the events a person made use an index instead of a scan', () => {
    const db = new Database(':memory:');
    for (const m of MIGRATIONS) if (m.version <= m0011AskChangesBy.version) m.up(db);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM mirror_access_events WHERE changed_by = ? AND at >= '2026-01-01'",
      )
      .all(7) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING (COVERING )?INDEX mirror_access_events_changed_by/);
  });
});
