import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';

describe('migration 0020 lifecycle-templates', () => {
  it('keeps a reason per operation and drops it with the operation', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    for (const m of MIGRATIONS.filter((x) => x.version <= 20)) m.up(db);
    db.exec(`INSERT INTO instances (id, name, host, alias, root_company_id, api_version, created_at, updated_at)
      VALUES ('i1', 'I', 'h', 'a', 1, 1, 'x', 'x')`);
    db.exec(`INSERT INTO plans (id, instance_id, title, state, origin, created_by, created_at, updated_at)
      VALUES ('p1', 'i1', 'T', 'draft', 'ai', 'ana', 'now', 'now')`);
    db.exec(`INSERT INTO plan_operations (plan_id, seq, kind, person_id, params, before, after, risk, source, created_at, updated_at)
      VALUES ('p1', 1, 'add_role', 5, '{}', '{}', '{}', 'low', 'ai', 'x', 'x')`);
    db.exec(
      `INSERT INTO lifecycle_operation_reasons VALUES (1, 'p1', 'mover', 'typical role', '9 of 12 peers hold it')`,
    );
    expect(() => db.exec(`INSERT INTO lifecycle_operation_reasons VALUES (2, 'p1', 'other', 's', 'r')`)).toThrow();
    db.exec('DELETE FROM plan_operations');
    expect(db.prepare('SELECT COUNT(*) FROM lifecycle_operation_reasons').pluck().get()).toBe(0);
  });
});
