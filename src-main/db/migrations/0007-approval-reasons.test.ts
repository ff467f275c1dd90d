import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';
import { m0007ApprovalReasons } from './0007-approval-reasons';

describe('migration: approval reasons', () => {
  it('adds the reason and who recorded it to plan operations, bounded', () => {
    const db = new Database(':memory:');
    for (const m of MIGRATIONS.filter((x) => x.version < m0007ApprovalReasons.version)) m.up(db);
    m0007ApprovalReasons.up(db);
    const cols = (db.prepare('PRAGMA table_info(plan_operations)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['approval_reason', 'approval_recorded_by']));
    const check = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'plan_operations'").pluck().get() as string;
    expect(check).toMatch(/length\(approval_reason\) <= 500/);
    db.close();
  });
});
