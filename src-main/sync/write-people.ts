/**
 * People into the mirror, with their profile role holdings derived from the role list. A record
 * equal to the mirrored one (same raw JSON, not removed) costs one lookup and no write, so a
 * re-read page of unchanged people leaves the database, and the search index, as it was.
 */
import type { DB } from '../db/open';
import type { WireRecord } from '../smartsimple/protocol';
import { ROLE_LIST_FIELDS, parseRoleList } from '../smartsimple/protocol';
import { recordIdOf } from './entities';
import type { EntityWriter, PageCounts } from './write-common';
import { emptyCounts, flag, int, markUnseenSlice, text, unseenQuery } from './write-common';
import { ensurePersonKeyRange } from '../db/mirror-keys';

const COLUMNS = [
  'first_name',
  'last_name',
  'email',
  'title',
  'phone',
  'company_id',
  'is_external',
  'role_ids',
  'access_type',
  'user_type',
  'status',
  'access_expiry',
  'department',
  'manager_id',
  'last_login',
  'last_updated',
  'created',
] as const;

/** Role ids as numbers, in the order the server lists them, duplicates and junk dropped. */
export function roleIdsOf(list: string | null): number[] {
  return parseRoleList(list)
    .map(Number)
    .filter((n) => Number.isSafeInteger(n));
}

/** The typed column values of a person, in COLUMNS order. */
function personValues(r: WireRecord, roleIds: number[]): unknown[] {
  return [
    text(r, 'sf_First Name') ?? '',
    text(r, 'sf_Last Name') ?? '',
    text(r, 'sf_Email') ?? '',
    text(r, 'sf_Title'),
    text(r, 'sf_Phone'),
    int(r, 'sf_Company ID'),
    flag(r, 'sf_Is External'),
    // Normalized so the holdings diff compares like with like.
    roleIds.length > 0 ? `,${roleIds.join(',')},` : '',
    text(r, 'sf_Access Type'),
    text(r, 'sf_User Type'),
    text(r, 'sf_Status'),
    text(r, 'sf_Access Expiry'),
    text(r, 'cf_Department'),
    int(r, 'cf_Manager ID'),
    text(r, 'sf_Last Login'),
    text(r, 'sf_Last Updated'),
    text(r, 'sf_Created Date'),
  ];
}

/** A person's statement values, made before the transaction. */
interface PersonValues {
  id: number;
  raw: string;
  roleIds: number[];
  values: unknown[];
}

export function createPeopleWriter(db: DB, instanceId: string): EntityWriter {
  const { base } = ensurePersonKeyRange(db, instanceId);
  const sql = prepareStatements(db);
  const unseen = unseenQuery(db, 'mirror_people', 'id', 'people');
  const prepare = (records: readonly WireRecord[]) => {
    const people: PersonValues[] = [];
    for (const r of records) {
      const id = recordIdOf(r, 'sf_User ID');
      if (id === undefined) continue;
      const roleIds = roleIdsOf(text(r, ROLE_LIST_FIELDS.read));
      people.push({ id, raw: JSON.stringify(r), roleIds, values: personValues(r, roleIds) });
    }
    return { prepared: true as const, people };
  };

  return {
    prepare,
    apply(records, _at, prepared) {
      const people = emptyCounts();
      const holdings = emptyCounts();
      const values = ((prepared as ReturnType<typeof prepare> | undefined) ?? prepare(records)).people;
      for (const { id, raw, roleIds, values: columns } of values) {
        const key = base + id;
        // Most records of a first sync are new: one insert, and only on a conflict the lookup.
        if (sql.insert.run(key, instanceId, id, ...columns).changes > 0) {
          sql.insertRaw.run(key, raw);
          for (const role of roleIds) sql.addHolding.run(instanceId, role, id);
          people.added++;
          holdings.added += roleIds.length;
          continue;
        }
        const current = sql.select.get(key) as { raw: string; role_ids: string; deleted_at: string | null } | undefined;
        if (!current) continue;
        if (current.raw === raw && current.deleted_at === null) continue;
        sql.update.run(...columns, key);
        sql.updateRaw.run(raw, key);
        people.changed++;
        // A removed person had their holdings dropped: compare against nothing then.
        const before = current.deleted_at === null ? new Set(roleIdsOf(current.role_ids)) : new Set<number>();
        updateHoldings(sql, { instanceId, id, before, after: new Set(roleIds) }, holdings);
      }
      return { people, role_holdings: holdings };
    },

    markUnseen(afterId, limit, at) {
      const people = emptyCounts();
      const holdings = emptyCounts();
      const { lastId } = markUnseenSlice(
        unseen,
        (id) => {
          sql.markRemoved.run(at, base + id);
          holdings.removed += sql.dropHoldings.run(instanceId, id).changes;
          people.removed++;
        },
        instanceId,
        afterId,
        limit,
      );
      const counts: PageCounts = { people, role_holdings: holdings };
      return { lastId, counts };
    },

    count: () => sql.countLive.get(instanceId) as number,
  };
}

/** The writer's statements, prepared once per writer. */
function prepareStatements(db: DB) {
  return {
    select: db.prepare(
      'SELECT p.role_ids, p.deleted_at, r.raw FROM mirror_people p JOIN mirror_people_raw r ON r.key = p.key WHERE p.key = ?',
    ),
    insert: db.prepare(
      `INSERT INTO mirror_people (key, instance_id, id, ${COLUMNS.join(', ')}) VALUES (?, ?, ?, ${COLUMNS.map(() => '?').join(', ')})
       ON CONFLICT DO NOTHING`,
    ),
    insertRaw: db.prepare('INSERT INTO mirror_people_raw (key, raw) VALUES (?, ?)'),
    update: db.prepare(
      `UPDATE mirror_people SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, deleted_at = NULL WHERE key = ?`,
    ),
    updateRaw: db.prepare('UPDATE mirror_people_raw SET raw = ? WHERE key = ?'),
    addHolding: db.prepare(
      'INSERT OR IGNORE INTO mirror_role_holdings (instance_id, role_id, person_id) VALUES (?, ?, ?)',
    ),
    dropHolding: db.prepare('DELETE FROM mirror_role_holdings WHERE instance_id = ? AND role_id = ? AND person_id = ?'),
    dropHoldings: db.prepare('DELETE FROM mirror_role_holdings WHERE instance_id = ? AND person_id = ?'),
    markRemoved: db.prepare('UPDATE mirror_people SET deleted_at = ? WHERE key = ?'),
    countLive: db.prepare('SELECT count(*) FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL').pluck(),
  };
}

/** Adds the roles in `after` only and drops the ones in `before` only, counting both. */
function updateHoldings(
  sql: ReturnType<typeof prepareStatements>,
  change: { instanceId: string; id: number; before: Set<number>; after: Set<number> },
  holdings: ReturnType<typeof emptyCounts>,
): void {
  const { instanceId, id, before, after } = change;
  for (const role of after) {
    if (!before.has(role)) {
      sql.addHolding.run(instanceId, role, id);
      holdings.added++;
    }
  }
  for (const role of before) {
    if (!after.has(role)) {
      sql.dropHolding.run(instanceId, role, id);
      holdings.removed++;
    }
  }
}
