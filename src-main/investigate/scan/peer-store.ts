/**
 * The peer groups as the last scan left them (migration investigate-peer-state): each group's size
 * and the holders of each role in it, and each person's group and roles (investigate_person_state).
 * An incremental scan reads the counts of the groups it touches and the few holders of their
 * unusual roles, found in one pass over the people's kept state (migration peer-holders-dropped:
 * a table of who holds what where cost a full scan a row per role held, and its moves, to spare a
 * pass that costs tens of milliseconds).
 */
import type { DB } from '../../db/open';
import type { GroupCounts } from '../detectors/peer-outliers';

/** A person's place at a scan: their peer group and their roles (each once, ascending). */
export interface PeerPlace {
  group: string;
  roleIds: number[];
}

export interface PeerMove {
  personId: number;
  from: PeerPlace | null;
  to: PeerPlace | null;
}

/** Roles as kept in investigate_person_state.role_ids. */
export const roleList = (ids: readonly number[]) => ids.join(',');
export const parseRoleList = (list: string | null) => (list ? list.split(',').map(Number) : []);

/** The group and roles each person had at the last scan (null group: nobody's peer). */
export function keptPlaces(db: DB, instanceId: string, ids: readonly number[]): Map<number, PeerPlace | null> {
  const select = db.prepare(
    'SELECT peer_group, role_ids FROM investigate_person_state WHERE instance_id = ? AND person_id = ?',
  );
  const out = new Map<number, PeerPlace | null>();
  for (const id of ids) {
    const row = select.get(instanceId, id) as { peer_group: string | null; role_ids: string | null } | undefined;
    if (row)
      out.set(id, row.peer_group === null ? null : { group: row.peer_group, roleIds: parseRoleList(row.role_ids) });
  }
  return out;
}

/** The kept size and role holders of the groups named (a group nobody is in: size 0). */
export function keptCounts(db: DB, instanceId: string, groups: Iterable<string>): Map<string, GroupCounts> {
  const size = db.prepare('SELECT size FROM investigate_peer_groups WHERE instance_id = ? AND peer_group = ?').pluck();
  const roles = db
    .prepare('SELECT role_id, holders FROM investigate_peer_roles WHERE instance_id = ? AND peer_group = ?')
    .raw(true);
  const out = new Map<string, GroupCounts>();
  for (const g of groups) {
    out.set(g, {
      size: (size.get(instanceId, g) as number | undefined) ?? 0,
      holders: new Map(roles.all(instanceId, g) as [number, number][]),
    });
  }
  return out;
}

/**
 * The people who held, at the last scan, one of the roles `wanted` names for their group, with
 * their group and roles then: one pass over the instance's kept state, each row's group looked up
 * among those wanted.
 */
export function keptHolders(
  db: DB,
  instanceId: string,
  wanted: ReadonlyMap<string, readonly number[]>,
): Map<number, PeerPlace> {
  const out = new Map<number, PeerPlace>();
  if (![...wanted.values()].some((roles) => roles.length > 0)) return out;
  db.prepare(
    `CREATE TEMP TABLE IF NOT EXISTS scan_wanted_roles (
       peer_group TEXT NOT NULL, role_id INTEGER NOT NULL, PRIMARY KEY (peer_group, role_id)) WITHOUT ROWID`,
  ).run();
  const clear = db.prepare('DELETE FROM temp.scan_wanted_roles');
  clear.run();
  try {
    const insert = db.prepare('INSERT OR IGNORE INTO temp.scan_wanted_roles (peer_group, role_id) VALUES (?, ?)');
    for (const [group, roles] of wanted) for (const r of roles) insert.run(group, r);
    const rows = db
      .prepare(
        `SELECT DISTINCT s.person_id, s.peer_group, s.role_ids FROM investigate_person_state s
         CROSS JOIN temp.scan_wanted_roles w
           ON w.peer_group = s.peer_group AND instr(',' || s.role_ids || ',', ',' || w.role_id || ',') > 0
         WHERE s.instance_id = ?`,
      )
      .raw(true)
      .all(instanceId) as [number, string, string | null][];
    for (const [id, group, roles] of rows) out.set(id, { group, roleIds: parseRoleList(roles) });
  } finally {
    clear.run();
  }
  return out;
}

/** The counts of the groups given, in place of their kept ones (all of the instance's when `all`). */
export function saveCounts(db: DB, instanceId: string, counts: ReadonlyMap<string, GroupCounts>, all: boolean): void {
  if (all) {
    db.prepare('DELETE FROM investigate_peer_groups WHERE instance_id = ?').run(instanceId);
    db.prepare('DELETE FROM investigate_peer_roles WHERE instance_id = ?').run(instanceId);
  }
  const dropGroup = db.prepare('DELETE FROM investigate_peer_groups WHERE instance_id = ? AND peer_group = ?');
  const dropRoles = db.prepare('DELETE FROM investigate_peer_roles WHERE instance_id = ? AND peer_group = ?');
  const group = db.prepare('INSERT INTO investigate_peer_groups (instance_id, peer_group, size) VALUES (?, ?, ?)');
  const role = db.prepare(
    'INSERT INTO investigate_peer_roles (instance_id, peer_group, role_id, holders) VALUES (?, ?, ?, ?)',
  );
  for (const [g, c] of counts) {
    if (!all) {
      dropGroup.run(instanceId, g);
      dropRoles.run(instanceId, g);
    }
    if (c.size === 0) continue;
    group.run(instanceId, g, c.size);
    for (const [roleId, holders] of c.holders) if (holders > 0) role.run(instanceId, g, roleId, holders);
  }
}
