/**
 * The peer groups as the last scan left them (migration investigate-peer-state): each group's size,
 * the holders of each role in it, who they are, and each person's group and roles. An incremental
 * scan reads the counts of the groups it touches and the few holders of their unusual roles, never
 * a group's members; a scan's changes of group or roles are written as moves.
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

/** The people who held a role in a group at the last scan. */
export function keptHolders(db: DB, instanceId: string, group: string, roleId: number): number[] {
  return db
    .prepare('SELECT person_id FROM investigate_peer_holders WHERE instance_id = ? AND peer_group = ? AND role_id = ?')
    .pluck()
    .all(instanceId, group, roleId) as number[];
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

/**
 * Who holds what where: the moves of a scan (a person leaving a group, joining one, or changing
 * roles). Written in the table's key order: a full scan's first moves are everyone's roles, and
 * SQLite appends in-order rows to its B-tree far faster than it scatters them.
 */
export function saveMoves(db: DB, instanceId: string, moves: Iterable<PeerMove>): void {
  const removed: Holding[] = [];
  const added: Holding[] = [];
  for (const m of moves) {
    if (m.from) for (const r of m.from.roleIds) removed.push([m.from.group, r, m.personId]);
    if (m.to) for (const r of m.to.roleIds) added.push([m.to.group, r, m.personId]);
  }
  const remove = db.prepare(
    'DELETE FROM investigate_peer_holders WHERE instance_id = ? AND peer_group = ? AND role_id = ? AND person_id = ?',
  );
  const add = db.prepare(
    'INSERT OR IGNORE INTO investigate_peer_holders (instance_id, peer_group, role_id, person_id) VALUES (?, ?, ?, ?)',
  );
  for (const h of removed.sort(byHolding)) remove.run(instanceId, ...h);
  for (const h of added.sort(byHolding)) add.run(instanceId, ...h);
}

/** [group, role, person]: a row of investigate_peer_holders. */
type Holding = [string, number, number];

/** The table's order: group as SQLite compares text (BINARY: by UTF-8 bytes, which is JavaScript's order outside the astral planes), then role, then person. */
const byHolding = (a: Holding, b: Holding) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]);
