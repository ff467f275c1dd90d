import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';
import { m0015Reviews } from './0015-reviews';

function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS) if (m.version <= m0015Reviews.version) m.up(db);
  db.prepare(
    `INSERT INTO instances (id, name, host, alias, root_company_id, api_version, created_at, updated_at)
     VALUES ('i1', 'Test', 'https://x', 'x', '1', 1, 'now', 'now')`,
  ).run();
  db.prepare(
    `INSERT INTO review_campaigns (id, instance_id, series_id, name, scope, item_kinds, stages, default_decision,
       recurrence, due_on, state, as_of, created_by, created_at)
     VALUES ('c1', 'i1', 'c1', 'Q4', '{}', '["role"]', '[]', 'keep', 'none', '2026-12-01', 'active', 'now', 'me', 'now')`,
  ).run();
  return db;
}

const item = (
  db: Database.Database,
  values: { decision?: string | null; decidedBy?: string | null; personId?: number },
) =>
  db
    .prepare(
      `INSERT INTO review_items (campaign_id, kind, person_id, role_id, person_name, is_external, target, risk_band,
         recommendation, confidence, reasons, reason_codes, decision, decided_by)
       VALUES ('c1', 'role', ?, 7, 'Ana', 0, 'Role', 'low', 'keep', 0.9, '[]', ',', ?, ?)`,
    )
    .run(values.personId ?? 1, values.decision ?? null, values.decidedBy ?? null);

describe('migration reviews', () => {
  it('keeps the migrations gapless, with this one at 15', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
    expect(MIGRATIONS[14]).toBe(m0015Reviews);
  });

  it('refuses an item twice, a decision without who made it, and an unknown decision', () => {
    const db = migrated();
    item(db, {});
    expect(() => item(db, {})).toThrow(/UNIQUE/);
    expect(() => item(db, { personId: 2, decision: 'keep' })).toThrow(/CHECK/);
    expect(() => item(db, { personId: 3, decision: 'maybe', decidedBy: 'me' })).toThrow(/CHECK/);
    item(db, { personId: 4, decision: 'revoke', decidedBy: 'me' });
  });

  it('removes a campaign, its items, actions and decisions with its instance', () => {
    const db = migrated();
    const itemId = Number(item(db, {}).lastInsertRowid);
    const action = db
      .prepare(
        `INSERT INTO review_actions (campaign_id, stage, decision, source, by, at, selection, items)
         VALUES ('c1', 1, 'keep', 'reviewer', 'me', 'now', '1 item', 1)`,
      )
      .run().lastInsertRowid;
    db.prepare('INSERT INTO review_decisions (action_id, item_id, stage, decision) VALUES (?, ?, 1, ?)').run(
      action,
      itemId,
      'keep',
    );
    db.prepare(
      "INSERT INTO license_settings (instance_id, settings, updated_by, updated_at) VALUES ('i1', '{}', 'me', 'now')",
    ).run();
    db.prepare("DELETE FROM instances WHERE id = 'i1'").run();
    for (const table of ['review_campaigns', 'review_items', 'review_actions', 'review_decisions', 'license_settings'])
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
  });
});
