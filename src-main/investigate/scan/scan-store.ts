/**
 * What a scan reads from the mirror, and the per-person state it leaves for the next one. Log
 * rows are read by key (ordinal * 2^40 + id, mirror-keys.ts): the whole log in key order for a
 * full scan, one person's rows through the log's per-person table for an incremental one.
 */
import Database from 'better-sqlite3';
import type { DB } from '../../db/open';
import { personKeyRange, type PersonKeyRange } from '../../db/mirror-keys';
import type { EvidenceSession } from '../../../src-preload/contract';
import type { PersonFacts, RoleChange, RoleFacts, SessionHistory } from '../model';
import type { Dictionary } from '../model';
import { wireToSeconds } from '../model';

/** The scan worker's own connection to the app's file: the app's settings, and a bigger cache for one long read. */
export function openScanConnection(file: string): DB {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  return db;
}

export interface ScanMarks {
  sessionKey: number;
  eventKey: number;
  /** The last row of investigate_dirty_people (any instance's: the sequence is shared). */
  dirtySeq: number;
}

export function keyRange(db: DB, instanceId: string): PersonKeyRange | null {
  return personKeyRange(db, instanceId);
}

/** The high-water marks of the mirror now: the newest log keys and changed-people row. */
export function currentMarks(db: DB, instanceId: string, range: PersonKeyRange | null): ScanMarks {
  const dirtySeq = (db.prepare('SELECT max(seq) FROM investigate_dirty_people').pluck().get() as number | null) ?? 0;
  if (!range) return { sessionKey: 0, eventKey: 0, dirtySeq };
  const max = (table: string) =>
    (db.prepare(`SELECT max(key) FROM ${table} WHERE key BETWEEN ? AND ?`).pluck().get(range.base, range.last) as
      number | null) ?? 0;
  return { sessionKey: max('mirror_login_sessions'), eventKey: max('mirror_access_events'), dirtySeq };
}

/** People whose row changed and no scan has read since (up to `upTo`). */
export function dirtyPeople(db: DB, instanceId: string, upTo: number): number[] {
  return db
    .prepare('SELECT DISTINCT person_id FROM investigate_dirty_people WHERE instance_id = ? AND seq <= ?')
    .pluck()
    .all(instanceId, upTo) as number[];
}

/** Whether any person's row changed since the last scan read the list. */
export function hasDirtyPeople(db: DB, instanceId: string): boolean {
  return (
    db.prepare('SELECT 1 FROM investigate_dirty_people WHERE instance_id = ? LIMIT 1').get(instanceId) !== undefined
  );
}

/** Forgets the changed people a scan read. */
export function clearDirtyPeople(db: DB, instanceId: string, upTo: number): void {
  db.prepare('DELETE FROM investigate_dirty_people WHERE instance_id = ? AND seq <= ?').run(instanceId, upTo);
}

/** The newest moment the mirror's logs know of (seconds), or null when they are empty. */
export function newestLogTime(db: DB, instanceId: string, range: PersonKeyRange | null): number | null {
  if (!range) return null;
  const newest = (table: string, column: string) =>
    db
      .prepare(`SELECT ${column} FROM ${table} WHERE key BETWEEN ? AND ? ORDER BY key DESC LIMIT 1`)
      .pluck()
      .get(range.base, range.last) as string | undefined;
  const times = [newest('mirror_login_sessions', 'started_at'), newest('mirror_access_events', 'at')]
    .map((t) => wireToSeconds(t))
    .filter((t): t is number => t !== null);
  return times.length > 0 ? Math.max(...times) : null;
}

export function loadRoles(db: DB, instanceId: string, likelyPrivileged: ReadonlySet<number>): Map<number, RoleFacts> {
  const rows = db
    .prepare('SELECT id, name, privileged FROM mirror_roles WHERE instance_id = ? AND deleted_at IS NULL')
    .all(instanceId) as { id: number; name: string; privileged: number | null }[];
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        privileged: r.privileged === 1,
        likelyPrivileged: r.privileged === null && likelyPrivileged.has(r.id),
      },
    ]),
  );
}

const PEOPLE_COLUMNS = `p.id, p.first_name, p.last_name, p.is_external, p.access_type, p.user_type, p.status, p.access_expiry,
  p.department, p.title, p.last_login, p.created, p.deleted_at, p.role_ids, s.last_session_at`;

type PersonRow = [
  number,
  string,
  string,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string | null,
];

const nonEmpty = (s: string | null) => (s === null || s === '' ? null : s);

function parseRoleIds(list: string): number[] {
  const roleIds: number[] = [];
  for (const part of list.split(',')) if (part) roleIds.push(Number(part));
  return roleIds;
}

function toFacts(r: PersonRow): PersonFacts {
  const roleIds = parseRoleIds(r[13]);
  return {
    id: r[0],
    name: `${r[1]} ${r[2]}`.trim() || `Person ${r[0]}`,
    isExternal: r[3] === 1,
    accessType: nonEmpty(r[4]),
    userType: nonEmpty(r[5]),
    status: nonEmpty(r[6]),
    expiry: nonEmpty(r[7]),
    department: nonEmpty(r[8]),
    title: nonEmpty(r[9]),
    lastLogin: wireToSeconds(r[10]),
    created: wireToSeconds(r[11]),
    deleted: r[12] !== null,
    roleIds,
    lastSessionAt: wireToSeconds(r[14]),
  };
}

/**
 * Everyone in the mirror (removed people too: their findings must clear), without their session
 * state: a full scan learns each person's latest session from the log itself. The instance's key
 * range is read front to back (through the instance index each row is a lookup: 2.1 s against
 * 0.85 s at 100,000 people), in packed chunks.
 */
export function loadAllPeople(db: DB, instanceId: string): PersonFacts[] {
  const range = keyRange(db, instanceId);
  if (!range) return [];
  const people: PersonFacts[] = [];
  const columns = PEOPLE_COLUMNS.replace(/\bp\./g, '').replace('s.last_session_at', 'NULL');
  const read = packedChunks<PersonRow>(db, {
    table: 'mirror_people NOT INDEXED',
    key: 'key',
    columns,
    where: 'AND instance_id = ?',
    params: [instanceId],
    after: range.base - 1,
    upTo: range.last,
  });
  oneSnapshot(db, () => {
    for (const chunk of read) for (const row of chunk) people.push(toFacts(row));
  });
  return people;
}

/** The people named, with their latest session from the last scan's state. */
export function loadPeople(db: DB, instanceId: string, ids: Iterable<number>): PersonFacts[] {
  return withIds(db, ids, () =>
    (
      db
        .prepare(
          `SELECT ${PEOPLE_COLUMNS} FROM temp.scan_ids i
           CROSS JOIN mirror_people p ON p.instance_id = ? AND p.id = i.id
           LEFT JOIN investigate_person_state s ON s.instance_id = p.instance_id AND s.person_id = p.id`,
        )
        .raw(true)
        .all(instanceId) as PersonRow[]
    ).map(toFacts),
  );
}

/**
 * People whom time alone moved across a limit since the last scan: their latest sign-in (as the
 * last scan kept it) fell into one of the windows [from, to), or their expiry day into (from, to].
 */
export function crossingPeople(
  db: DB,
  instanceId: string,
  idleWindows: [string, string][],
  expiry: [string, string],
): number[] {
  const windows = idleWindows.map(() => '(last_activity >= ? AND last_activity < ?)');
  return db
    .prepare(
      `SELECT person_id FROM investigate_person_state WHERE instance_id = ?
       AND (${[...windows, '(expiry > ? AND expiry <= ?)'].join(' OR ')})`,
    )
    .pluck()
    .all(instanceId, ...idleWindows.flat(), ...expiry) as number[];
}

/**
 * Runs `fn` with the ids in a temporary table `scan_ids(id)`, emptied again afterwards. Queries
 * read it first (CROSS JOIN): the planner, knowing nothing of a temporary table, would otherwise
 * read every person of the instance and look each one up in it.
 */
function withIds<T>(db: DB, ids: Iterable<number>, fn: () => T): T {
  db.prepare('CREATE TEMP TABLE IF NOT EXISTS scan_ids (id INTEGER PRIMARY KEY)').run();
  const insert = db.prepare('INSERT OR IGNORE INTO temp.scan_ids (id) VALUES (?)');
  db.prepare('DELETE FROM temp.scan_ids').run();
  for (const id of ids) insert.run(id);
  try {
    return fn();
  } finally {
    db.prepare('DELETE FROM temp.scan_ids').run();
  }
}

/**
 * Which people's sessions a thread reads in a full scan: everyone's, or one of two shares that
 * split the people by id (a person's whole history in one share), so two threads each read and
 * judge their own people (session-reader.ts). The scan's own thread, which also loads the people,
 * takes the smaller share: `SCAN_PARTS` of every `SHARE_PARTS` ids.
 */
export type LogShare = 'all' | 'scan' | 'reader';
export const SHARE_PARTS = 16;
export const SCAN_PARTS = 7;

/** The condition on user_id of a share; the two shares are exact complements (ids are integers, NOT NULL). */
const SHARE_SQL: Record<LogShare, string> = {
  all: '',
  scan: `AND NOT (user_id % ${SHARE_PARTS} >= ${SCAN_PARTS})`,
  reader: `AND user_id % ${SHARE_PARTS} >= ${SCAN_PARTS}`,
};

/** A session as the scans read it: [user_id, session_id, started_at, ip, user_agent]. */
export type SessionRow = [number, number, string, string | null, string | null];

/** A read of `table` in the order of its integer `key` column, from after `after` up to `upTo`. */
interface PackedRead {
  table: string;
  key: string;
  /** The row's values, in order. */
  columns: string;
  /** More conditions (`AND ...`), and their parameters. */
  where?: string;
  params?: unknown[];
  after: number;
  upTo: number;
  size?: number;
}

/**
 * Rows in key order (SQLite reads the table front to back), in chunks of up to `size` rows that
 * SQLite packs as one JSON text each: a chunk crosses into JavaScript at once, which costs about
 * two thirds of fetching its rows one at a time (each row fetched alone costs about a microsecond).
 * Each row is the array of `columns`' values.
 */
function* packedChunks<Row>(db: DB, read: PackedRead): Generator<Row[]> {
  const { table, key, columns, where = '', params = [], upTo, size = 8192 } = read;
  const select = db
    .prepare(
      `SELECT max(${key}), count(*), json_group_array(json_array(${columns}))
       FROM (SELECT ${key}, ${columns} FROM ${table} WHERE ${key} > ? AND ${key} <= ? ${where} ORDER BY ${key} LIMIT ?)`,
    )
    .raw(true);
  let after = read.after;
  for (;;) {
    const [last, count, rows] = select.get(after, upTo, ...params, size) as [number | null, number, string];
    if (count === 0 || last === null) return;
    yield JSON.parse(rows) as Row[];
    after = last;
  }
}

/**
 * `read` over one snapshot of the database, as one statement would see it: chunked reads are many
 * statements, and a sync writing meanwhile must not show them a mirror half before and half after.
 * A deferred transaction (it only reads; inside another it is a savepoint).
 */
export function oneSnapshot<T>(db: DB, read: () => T): T {
  return db.transaction(read).deferred();
}

/** The sessions of a share's people in key order, in chunks of up to `size` rows (call inside oneSnapshot). */
export function sessionChunks(db: DB, range: PersonKeyRange, share: LogShare, size = 8192): Generator<SessionRow[]> {
  return packedChunks<SessionRow>(db, {
    table: 'mirror_login_sessions',
    key: 'key',
    columns: 'user_id, session_id, started_at, ip, user_agent',
    where: SHARE_SQL[share],
    after: range.base - 1,
    upTo: range.last,
    size,
  });
}

/**
 * How many sessions the instance has, counted in the narrow per-person table (a fourth of the
 * time of counting the log itself, which is one more pass over every row).
 */
export function countSessions(db: DB, range: PersonKeyRange): number {
  return db
    .prepare('SELECT count(*) FROM mirror_login_sessions_by_user WHERE user_key BETWEEN ? AND ?')
    .pluck()
    .get(range.base, range.last) as number;
}

/** The smallest and largest person id with a session (two lookups in the per-person table), or null. */
export function sessionPeopleSpan(db: DB, range: PersonKeyRange): { min: number; max: number } | null {
  const end = (order: 'ASC' | 'DESC') =>
    db
      .prepare(
        `SELECT user_key FROM mirror_login_sessions_by_user WHERE user_key BETWEEN ? AND ? ORDER BY user_key ${order} LIMIT 1`,
      )
      .pluck()
      .get(range.base, range.last) as number | undefined;
  const min = end('ASC');
  const max = end('DESC');
  return min === undefined || max === undefined ? null : { min: min - range.base, max: max - range.base };
}

/**
 * The same rows, fetched one at a time and dropped: the raw scan the benchmark compares the full
 * scan with (a plain SELECT of the columns the scan reads).
 */
export function rawSessionScan(db: DB, range: PersonKeyRange): number {
  let n = 0;
  const select = db
    .prepare(
      'SELECT user_id, session_id, started_at, ip, user_agent FROM mirror_login_sessions WHERE key BETWEEN ? AND ?',
    )
    .raw(true);
  for (const _row of select.iterate(range.base, range.last)) n++;
  return n;
}

/** People with a session past `afterKey`. */
export function peopleWithNewSessions(db: DB, range: PersonKeyRange, afterKey: number): number[] {
  return db
    .prepare('SELECT DISTINCT user_id FROM mirror_login_sessions WHERE key > ? AND key <= ?')
    .pluck()
    .all(Math.max(afterKey, range.base - 1), range.last) as number[];
}

/**
 * A person's sessions come through the log's per-person table (person, start, key; migration
 * log-shadows): mirror_login_sessions has no index on user_key, and a query on it reads the log.
 */
const BY_PERSON = 'mirror_login_sessions_by_user b CROSS JOIN mirror_login_sessions l ON l.key = b.key';

/** Each person's sessions in time order, through the per-person table. */
export function sessionHistories(
  db: DB,
  range: PersonKeyRange,
  ids: readonly number[],
  dict: Dictionary,
): SessionHistory[] {
  const select = db
    .prepare(
      `SELECT l.session_id, l.started_at, l.ip, l.user_agent FROM ${BY_PERSON}
       WHERE b.user_key = ? ORDER BY b.started_at, b.key`,
    )
    .raw(true);
  return ids.map((personId) => {
    const h = { personId, sessionIds: [] as number[], at: [] as number[], ip: [] as number[], ua: [] as number[] };
    for (const [id, start, ip, ua] of select.iterate(range.base + personId) as IterableIterator<
      [number, string, string | null, string | null]
    >) {
      const at = wireToSeconds(start);
      if (at === null) continue;
      h.sessionIds.push(id);
      h.at.push(at);
      h.ip.push(dict.id(ip));
      h.ua.push(dict.id(ua));
    }
    return h satisfies SessionHistory;
  });
}

const evidenceStatements = new WeakMap<DB, { newest: Database.Statement; after: Database.Statement }>();

/** Sessions of one person for a finding's evidence: the newest ones, or those after a moment. */
export function evidenceSessions(
  db: DB,
  range: PersonKeyRange,
  personId: number,
  options: { after?: string; limit: number },
): EvidenceSession[] {
  let s = evidenceStatements.get(db);
  if (!s) {
    const columns = 'l.session_id, l.started_at, l.ended_at, l.ip, l.user_agent';
    s = {
      newest: db.prepare(
        `SELECT ${columns} FROM ${BY_PERSON} WHERE b.user_key = ? ORDER BY b.started_at DESC, b.key DESC LIMIT ?`,
      ),
      after: db.prepare(
        `SELECT ${columns} FROM ${BY_PERSON} WHERE b.user_key = ? AND b.started_at > ? ORDER BY b.started_at, b.key LIMIT ?`,
      ),
    };
    evidenceStatements.set(db, s);
  }
  const rows = (
    options.after === undefined
      ? s.newest.all(range.base + personId, options.limit)
      : s.after.all(range.base + personId, options.after, options.limit)
  ) as {
    session_id: number;
    started_at: string;
    ended_at: string | null;
    ip: string | null;
    user_agent: string | null;
  }[];
  return rows.map((r) => ({
    sessionId: r.session_id,
    startedAt: r.started_at,
    endedAt: r.ended_at || null,
    ip: r.ip,
    userAgent: r.user_agent,
  }));
}

const ROLE_ACTIONS = "('role_added', 'role_removed')";

function toChange(r: [number, number, string, string | null, number | null, string]): RoleChange | null {
  const at = wireToSeconds(r[5]);
  if (at === null || r[4] === null) return null;
  const role = /(\d+)/.exec(r[3] ?? '');
  return {
    eventId: r[0],
    personId: r[1],
    action: r[2] as RoleChange['action'],
    roleId: role ? Number(role[1]) : null,
    actorId: r[4],
    at,
  };
}

/** Role changes by actor, in time order: every actor's, or only those named. */
export function roleChangesByActor(
  db: DB,
  range: PersonKeyRange,
  actors?: readonly number[],
): Map<number, RoleChange[]> {
  const sql = `SELECT event_id, user_id, action, detail, changed_by, at FROM mirror_access_events
    WHERE key BETWEEN ? AND ? AND action IN ${ROLE_ACTIONS}`;
  const rows = (
    actors === undefined
      ? db.prepare(sql).raw(true).all(range.base, range.last)
      : withIds(db, actors, () =>
          db.prepare(`${sql} AND changed_by IN (SELECT id FROM temp.scan_ids)`).raw(true).all(range.base, range.last),
        )
  ) as [number, number, string, string | null, number | null, string][];
  const byActor = new Map<number, RoleChange[]>();
  for (const r of rows) {
    const change = toChange(r);
    if (!change) continue;
    const list = byActor.get(change.actorId);
    if (list) list.push(change);
    else byActor.set(change.actorId, [change]);
  }
  for (const list of byActor.values()) list.sort((a, b) => a.at - b.at || a.eventId - b.eventId);
  return byActor;
}

/** Actors and people of the access events past `afterKey`. */
export function newEventPeople(
  db: DB,
  range: PersonKeyRange,
  afterKey: number,
): { actors: number[]; people: number[] } {
  const rows = db
    .prepare('SELECT DISTINCT user_id, changed_by FROM mirror_access_events WHERE key > ? AND key <= ?')
    .raw(true)
    .all(Math.max(afterKey, range.base - 1), range.last) as [number, number | null][];
  return {
    people: [...new Set(rows.map((r) => r[0]))],
    actors: [...new Set(rows.map((r) => r[1]).filter((a): a is number => a !== null))],
  };
}

/** Names of people by id (for evidence). */
export function personNames(db: DB, instanceId: string, ids: Iterable<number>): Map<number, string> {
  return withIds(db, ids, () => {
    const rows = db
      .prepare(
        `SELECT p.id, trim(p.first_name || ' ' || p.last_name) FROM temp.scan_ids i
         CROSS JOIN mirror_people p ON p.instance_id = ? AND p.id = i.id`,
      )
      .raw(true)
      .all(instanceId) as [number, string][];
    return new Map(rows);
  });
}

export interface PersonState {
  personId: number;
  lastSessionAt: string | null;
  sessions: number;
  peerGroup: string | null;
  lastActivity: string | null;
  expiry: string | null;
  /** Their roles (peer-store.ts roleList). */
  roleIds: string;
}

type StateRow = [string | null, number, string | null, string | null, string | null, string | null];

/** What a full scan changes in the kept state: the rows that differ, and the people no longer there. */
export interface PersonStateChanges {
  changed: PersonState[];
  removed: number[];
}

/**
 * A full scan's state of everyone against the instance's kept rows: only rows that differ are
 * written (a scan a day after the last one changes a few thousand, not everyone). Read before the
 * save takes the write lock, so the lock is held for the writes alone: only a scan of the instance
 * writes its kept state, and scans of an instance never run two at once (scan-jobs.ts).
 */
export function personStateChanges(db: DB, instanceId: string, states: Iterable<PersonState>): PersonStateChanges {
  const existing = new Map<number, StateRow>();
  const read = packedChunks<[number, ...StateRow]>(db, {
    table: 'investigate_person_state',
    key: 'person_id',
    columns: 'person_id, last_session_at, sessions, peer_group, last_activity, expiry, role_ids',
    where: 'AND instance_id = ?',
    params: [instanceId],
    after: Number.MIN_SAFE_INTEGER,
    upTo: Number.MAX_SAFE_INTEGER,
  });
  oneSnapshot(db, () => {
    for (const chunk of read) for (const [id, ...rest] of chunk) existing.set(id, rest);
  });
  const changed: PersonState[] = [];
  for (const s of states) {
    const values: StateRow = [s.lastSessionAt, s.sessions, s.peerGroup, s.lastActivity, s.expiry, s.roleIds];
    const old = existing.get(s.personId);
    existing.delete(s.personId);
    if (!old || !values.every((v, i) => v === old[i])) changed.push(s);
  }
  return { changed, removed: [...existing.keys()] };
}

/** Writes a full scan's changes of the kept state (inside the save's transaction). */
export function writePersonState(db: DB, instanceId: string, changes: PersonStateChanges): void {
  const upsert = db.prepare(
    `INSERT INTO investigate_person_state (instance_id, person_id, last_session_at, sessions, peer_group, last_activity, expiry, role_ids)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (instance_id, person_id) DO UPDATE SET last_session_at = excluded.last_session_at,
       sessions = excluded.sessions, peer_group = excluded.peer_group, last_activity = excluded.last_activity,
       expiry = excluded.expiry, role_ids = excluded.role_ids`,
  );
  for (const s of changes.changed)
    upsert.run(instanceId, s.personId, s.lastSessionAt, s.sessions, s.peerGroup, s.lastActivity, s.expiry, s.roleIds);
  const remove = db.prepare('DELETE FROM investigate_person_state WHERE instance_id = ? AND person_id = ?');
  for (const id of changes.removed) remove.run(instanceId, id);
}

/** An incremental scan's sessions: the latest and the count of the people it read. */
export function saveSessionState(
  db: DB,
  instanceId: string,
  states: Iterable<{ personId: number; lastSessionAt: string | null; sessions: number }>,
): void {
  const upsert = db.prepare(
    `INSERT INTO investigate_person_state (instance_id, person_id, last_session_at, sessions) VALUES (?, ?, ?, ?)
     ON CONFLICT (instance_id, person_id) DO UPDATE SET last_session_at = excluded.last_session_at,
       sessions = excluded.sessions`,
  );
  for (const s of states) upsert.run(instanceId, s.personId, s.lastSessionAt, s.sessions);
}

/** Peer group, roles, latest sign-in and expiry of the people an incremental scan looked at. */
export function saveRowState(
  db: DB,
  instanceId: string,
  rows: Iterable<Omit<PersonState, 'lastSessionAt' | 'sessions'>>,
): void {
  const upsert = db.prepare(
    `INSERT INTO investigate_person_state (instance_id, person_id, peer_group, last_activity, expiry, role_ids)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (instance_id, person_id) DO UPDATE SET peer_group = excluded.peer_group,
       last_activity = excluded.last_activity, expiry = excluded.expiry, role_ids = excluded.role_ids`,
  );
  for (const r of rows) upsert.run(instanceId, r.personId, r.peerGroup, r.lastActivity, r.expiry, r.roleIds);
}
