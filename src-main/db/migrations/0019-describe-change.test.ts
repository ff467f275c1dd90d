import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';
import { m0019DescribeChange } from './0019-describe-change';

describe('migration describe-change', () => {
  it('keeps the suggestions, takes describe_change, and still refuses an unknown kind', () => {
    const db = new Database(':memory:');
    for (const m of MIGRATIONS) if (m.version < m0019DescribeChange.version) m.up(db);
    const insert = (id: string, kind: string) =>
      db
        .prepare(
          `INSERT INTO ai_suggestions (id, instance_id, kind, engine, model, input_sha256, output, confidence, created_at)
           VALUES (?, NULL, ?, 'local', 'm', ?, '{}', 0.5, 'now')`,
        )
        .run(id, kind, 'a'.repeat(64));
    insert('before', 'explain');
    expect(() => insert('early', 'describe_change')).toThrow(/CHECK/);
    m0019DescribeChange.up(db);
    insert('after', 'describe_change');
    expect(() => insert('bad', 'approve_plan')).toThrow(/CHECK/);
    expect(db.prepare('SELECT id FROM ai_suggestions ORDER BY id').pluck().all()).toEqual(['after', 'before']);
  });
});
