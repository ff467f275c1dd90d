import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { m0001Initial } from './0001-initial';
import { m0002Connections } from './0002-connections';
import { m0003Mirror } from './0003-mirror';

function migrated(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  m0001Initial.up(db);
  m0002Connections.up(db);
  db.prepare(
    `INSERT INTO instances (id, name, host, alias, root_company_id, api_version, created_at, updated_at)
     VALUES ('i1', 'Prod', 'https://a.smartsimple.com', 'a', '1', 1, 'now', 'now')`,
  ).run();
  m0003Mirror.up(db);
  return db;
}

const search = (db: Database.Database, q: string) =>
  db.prepare('SELECT rowid FROM mirror_people_fts WHERE mirror_people_fts MATCH ? ORDER BY rowid').pluck().all(q);

describe('migration 3: mirror', () => {
  it('keeps the search index in step with people and their organization', () => {
    const db = migrated();
    db.prepare(
      "INSERT INTO mirror_organizations (instance_id, id, name, raw) VALUES ('i1', 10, 'Harbor Arts Council', '{}')",
    ).run();
    const insertPerson = db.prepare(
      "INSERT INTO mirror_people (key, instance_id, id, first_name, last_name, email, company_id) VALUES (?, 'i1', ?, ?, ?, ?, ?)",
    );
    const key = (id: number) => 2 ** 40 + id;
    const ana = key(1);
    const bo = key(2);
    insertPerson.run(ana, 1, 'Ana', 'Núñez', 'ana@harbor.org', 10);
    insertPerson.run(bo, 2, 'Bo', 'Smith', 'bo@x.org', 11);
    // Substring, case and diacritics do not matter.
    expect(search(db, '"nunez"')).toEqual([ana]);
    expect(search(db, '"harbor arts"')).toEqual([ana]);
    // Bo's organization arrives after Bo (a resumed sync may do that) and is renamed later.
    db.prepare(
      "INSERT INTO mirror_organizations (instance_id, id, name, raw) VALUES ('i1', 11, 'Maple Trust', '{}')",
    ).run();
    expect(search(db, '"maple"')).toEqual([bo]);
    db.prepare("UPDATE mirror_organizations SET name = 'Cedar Trust' WHERE id = 11").run();
    expect(search(db, '"maple"')).toEqual([]);
    expect(search(db, '"cedar"')).toEqual([bo]);
    // An upsert follows the new name; a removed person leaves the index and a restored one returns.
    db.prepare(
      `INSERT INTO mirror_people (key, instance_id, id, first_name, last_name, email, company_id) VALUES (?, 'i1', 2, 'Bo', 'Jones', 'bo@x.org', 11)
       ON CONFLICT (key) DO UPDATE SET last_name = excluded.last_name`,
    ).run(bo);
    expect(search(db, '"jones"')).toEqual([bo]);
    expect(search(db, '"smith"')).toEqual([]);
    db.prepare("UPDATE mirror_people SET deleted_at = 'now' WHERE key = ?").run(bo);
    expect(search(db, '"jones"')).toEqual([]);
    db.prepare('UPDATE mirror_people SET deleted_at = NULL WHERE key = ?').run(bo);
    expect(search(db, '"jones"')).toEqual([bo]);
    // An instance has one ordinal, and ordinals are unique.
    db.prepare("INSERT INTO mirror_instances (instance_id, ordinal) VALUES ('i1', 1)").run();
    expect(() => db.prepare("INSERT INTO mirror_instances (instance_id, ordinal) VALUES ('i1', 2)").run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
    db.close();
  });

  it('constrains flags and kinds, and takes everything with its instance', () => {
    const db = migrated();
    db.prepare("INSERT INTO mirror_instances (instance_id, ordinal) VALUES ('i1', 1)").run();
    db.prepare(
      "INSERT INTO mirror_people (key, instance_id, id, first_name, last_name) VALUES (2199023255553, 'i1', 1, 'A', 'B')",
    ).run();
    db.prepare("INSERT INTO mirror_people_raw (key, raw) VALUES (2199023255553, '{}')").run();
    db.prepare(
      "INSERT INTO mirror_roles (instance_id, id, name, raw) VALUES ('i1', 5, 'System Administrator', '{}')",
    ).run();
    expect(db.prepare('SELECT privileged FROM mirror_roles WHERE id = 5').pluck().get()).toBeNull();
    expect(() => db.prepare('UPDATE mirror_roles SET privileged = 2 WHERE id = 5').run()).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO sync_runs (instance_id, kind, state, started_at) VALUES ('i1', 'partial', 'running', 'now')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO mirror_role_holdings (instance_id, role_id, person_id) VALUES ('i1', 5, 1)").run();
    db.prepare("INSERT INTO mirror_programs (instance_id, id, name, raw) VALUES ('i1', 7, 'Arts', '{}')").run();
    db.prepare(
      "INSERT INTO mirror_program_assignments (instance_id, association_id, program_id, person_id, role_id, raw) VALUES ('i1', 1, 7, 1, 5, '{}')",
    ).run();
    const event =
      "INSERT OR IGNORE INTO mirror_access_events (key, instance_id, event_id, user_key, user_id, action, at) VALUES (2199023255553, 'i1', 1, 2199023255553, 1, 'activated', '2025-01-01 00:00:00')";
    expect(db.prepare(event).run().changes).toBe(1);
    // Natural keys make a re-fetched log page a no-op.
    expect(db.prepare(event).run().changes).toBe(0);
    db.prepare(
      "INSERT INTO mirror_login_sessions (key, instance_id, session_id, user_key, user_id, started_at) VALUES (2199023255553, 'i1', 1, 2199023255553, 1, '2025-01-01 00:00:00')",
    ).run();
    db.prepare(
      "INSERT INTO sync_runs (instance_id, kind, state, started_at) VALUES ('i1', 'full', 'running', 'now')",
    ).run();
    db.prepare("INSERT INTO sync_cursors (instance_id, entity, phase) VALUES ('i1', 'people', 'full')").run();
    db.prepare("INSERT INTO sync_seen (instance_id, entity, id) VALUES ('i1', 'people', 1)").run();

    db.prepare("DELETE FROM instances WHERE id = 'i1'").run();
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'mirror_%' OR name LIKE 'sync_%') AND name NOT LIKE 'mirror_people_fts_%'",
      )
      .pluck()
      .all() as string[];
    expect(tables.length).toBeGreaterThanOrEqual(12);
    for (const t of tables) expect([t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]).toEqual([t, 0]);
    // The search index has no foreign key: the delete trigger must have emptied it.
    expect(search(db, '"a b"')).toEqual([]);
    db.close();
  });
});
