/**
 * The session detectors over the login log. A full scan reads the whole log once in key order
 * (the table's own order, so SQLite reads it front to back), buckets the rows by person with a
 * counting sort, and judges each person's history in time order. With a second thread it reads
 * once more, each thread keeping only its own share of the people (SQLite skips the others' rows
 * in C; the cost is in the rows that cross into JavaScript), so reading and judging both run on
 * two cores. An incremental scan judges only the people with new sessions, their history read
 * through the per-person index.
 */
import type { PersonKeyRange } from '../../db/mirror-keys';
import type { DB } from '../../db/open';
import { detectNewIpOrAgent, newAddresses } from '../detectors/new-ip-or-agent';
import { detectOffHours } from '../detectors/off-hours';
import { profileSessions } from '../detectors/session-profile';
import { prepareDraft, type PreparedDraft } from '../findings-store';
import type { DetectorContext, DetectorSettings, FindingDraft, SessionDetectorContext, SessionHistory } from '../model';
import { type Dictionary, wireToSeconds } from '../model';
import {
  oneSnapshot,
  SCAN_PARTS,
  sessionChunks,
  sessionHistories,
  sessionPeopleSpan,
  SHARE_PARTS,
  type LogShare,
} from './scan-store';

export interface PersonSessionState {
  lastSessionAt: number | null;
  sessions: number;
}

export interface SessionPassResult {
  drafts: PreparedDraft[];
  state: Map<number, PersonSessionState>;
  rows: number;
}

export interface PassHooks {
  /** Rows read so far (the full pass calls it after every chunk of rows it reads). */
  progress(rows: number): void;
  throwIfCancelled(): void;
}

/** Both session detectors on one person's history, against one profile. */
export function judgeHistory(h: SessionHistory, dict: Dictionary, ctx: SessionDetectorContext): FindingDraft[] {
  if (h.at.length <= ctx.settings.learningLogins) return [];
  const profile = profileSessions(h, ctx.settings);
  const fresh = newAddresses(h, profile, ctx.settings.newAddressDays);
  return [...detectOffHours(h, profile, fresh, dict, ctx), ...detectNewIpOrAgent(h, profile, fresh, dict, ctx)];
}

const stateOf = (h: SessionHistory): PersonSessionState => ({
  lastSessionAt: h.at[h.at.length - 1] ?? null,
  sessions: h.at.length,
});

/** The people named, through the index. */
export function incrementalSessionPass(
  db: DB,
  range: PersonKeyRange,
  people: readonly number[],
  dict: Dictionary,
  ctx: DetectorContext,
): SessionPassResult {
  const drafts: PreparedDraft[] = [];
  const state = new Map<number, PersonSessionState>();
  let rows = 0;
  for (const h of sessionHistories(db, range, people, dict)) {
    rows += h.at.length;
    for (const d of judgeHistory(h, dict, ctx)) drafts.push(prepareDraft(d));
    state.set(h.personId, stateOf(h));
  }
  return { drafts, state, rows };
}

/** The log as columns (typed arrays: a million rows without a million objects). */
interface Columns {
  length: number;
  person: Int32Array;
  at: Float64Array;
  ip: Int32Array;
  ua: Int32Array;
  session: Float64Array;
  /** Person id of each person index. */
  ids: number[];
}

function allocate(capacity: number, old?: Columns): Columns {
  const c: Columns = {
    length: old?.length ?? 0,
    person: new Int32Array(capacity),
    at: new Float64Array(capacity),
    ip: new Int32Array(capacity),
    ua: new Int32Array(capacity),
    session: new Float64Array(capacity),
    ids: old?.ids ?? [],
  };
  if (old) {
    c.person.set(old.person);
    c.at.set(old.at);
    c.ip.set(old.ip);
    c.ua.set(old.ua);
    c.session.set(old.session);
  }
  return c;
}

/**
 * Person id -> person index: an array over the ids the log holds when they are few enough (a
 * lookup per row, a million times, costs less than a Map's), else a Map.
 */
function personIndex(span: { min: number; max: number } | null) {
  const size = span ? span.max - span.min + 1 : 0;
  if (!span || size > 1 << 23) {
    const map = new Map<number, number>();
    return { get: (id: number) => map.get(id), set: (id: number, p: number) => void map.set(id, p) };
  }
  const array = new Int32Array(size).fill(-1);
  const map = new Map<number, number>();
  return {
    get(id: number) {
      const k = id - span.min;
      if (k < 0 || k >= size) return map.get(id);
      const p = array[k]!;
      return p < 0 ? undefined : p;
    },
    set(id: number, p: number) {
      const k = id - span.min;
      if (k < 0 || k >= size) map.set(id, p);
      else array[k] = p;
    },
  };
}

type PersonIndex = ReturnType<typeof personIndex>;

/** Columns being filled, with each person's index and their last address and browser seen. */
interface Reading {
  c: Columns;
  index: PersonIndex;
  lastIp: (string | null | undefined)[];
  lastUa: (string | null | undefined)[];
  lastIpId: number[];
  lastUaId: number[];
}

/** The index of person `user`, added on first sight. */
function personOf(r: Reading, user: number): number {
  let p = r.index.get(user);
  if (p === undefined) {
    p = r.c.ids.length;
    r.index.set(user, p);
    r.c.ids.push(user);
    r.lastIp.push(undefined);
    r.lastUa.push(undefined);
    r.lastIpId.push(0);
    r.lastUaId.push(0);
  }
  return p;
}

/** The sessions of a share's people, appended to `r`. */
function readShare(db: DB, range: PersonKeyRange, share: LogShare, dict: Dictionary, r: Reading, hooks: PassHooks) {
  for (const chunk of sessionChunks(db, range, share)) {
    // Rows may arrive while the scan reads (a sync writing): grow.
    if (r.c.length + chunk.length > r.c.person.length)
      r.c = allocate(Math.max(r.c.length * 2, r.c.length + chunk.length), r.c);
    const c = r.c;
    for (const [user, session, start, ip, ua] of chunk) {
      const p = personOf(r, user);
      const row = c.length++;
      c.person[row] = p;
      c.at[row] = wireToSeconds(start) ?? 0;
      // A person's address and browser are mostly those of their session before: comparing with it
      // costs less than hashing the text for the dictionary.
      if (ip !== r.lastIp[p]) {
        r.lastIp[p] = ip;
        r.lastIpId[p] = dict.id(ip);
      }
      if (ua !== r.lastUa[p]) {
        r.lastUa[p] = ua;
        r.lastUaId[p] = dict.id(ua);
      }
      c.ip[row] = r.lastIpId[p]!;
      c.ua[row] = r.lastUaId[p]!;
      c.session[row] = session;
    }
    hooks.progress(c.length);
    hooks.throwIfCancelled();
  }
}

/** Row numbers grouped by person (counting sort), each person's rows in time order. */
function groupByPerson(c: Columns): { order: Int32Array; starts: Int32Array } {
  const people = c.ids.length;
  const starts = new Int32Array(people + 1);
  for (let row = 0; row < c.length; row++) starts[c.person[row]! + 1]!++;
  for (let p = 0; p < people; p++) starts[p + 1]! += starts[p]!;
  const next = starts.slice(0, people);
  const order = new Int32Array(c.length);
  for (let row = 0; row < c.length; row++) order[next[c.person[row]!]!++] = row;
  for (let p = 0; p < people; p++) {
    const from = starts[p]!;
    const to = starts[p + 1]!;
    let sorted = true;
    for (let k = from + 1; k < to && sorted; k++) sorted = c.at[order[k]!]! >= c.at[order[k - 1]!]!;
    if (!sorted) order.subarray(from, to).sort((x, y) => c.at[x]! - c.at[y]! || c.session[x]! - c.session[y]!);
  }
  return { order, starts };
}

/**
 * Reads the sessions of a share's people in one pass over the log (key order: SQLite reads the
 * table front to back) and judges each person's history. `expected`: about how many rows the
 * whole log holds (for the first allocation).
 */
export function judgeShare(
  db: DB,
  range: PersonKeyRange,
  share: LogShare,
  expected: number,
  dict: Dictionary,
  ctx: SessionDetectorContext,
  hooks: PassHooks,
): SessionPassResult {
  const fraction = share === 'all' ? 1 : share === 'scan' ? SCAN_PARTS / SHARE_PARTS : 1 - SCAN_PARTS / SHARE_PARTS;
  const r: Reading = {
    c: allocate(Math.ceil(expected * fraction) + 1024),
    index: personIndex(sessionPeopleSpan(db, range)),
    lastIp: [],
    lastUa: [],
    lastIpId: [],
    lastUaId: [],
  };
  oneSnapshot(db, () => readShare(db, range, share, dict, r, hooks));
  const { c } = r;
  const { order, starts } = groupByPerson(c);
  // The columns again in person order: each person's history is then four views, no copies.
  const n = c.length;
  const sessionIds = new Float64Array(n);
  const at = new Float64Array(n);
  const ip = new Int32Array(n);
  const ua = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const row = order[k]!;
    sessionIds[k] = c.session[row]!;
    at[k] = c.at[row]!;
    ip[k] = c.ip[row]!;
    ua[k] = c.ua[row]!;
  }
  const drafts: PreparedDraft[] = [];
  const state = new Map<number, PersonSessionState>();
  for (let p = 0; p < c.ids.length; p++) {
    const [from, to] = [starts[p]!, starts[p + 1]!];
    const h: SessionHistory = {
      personId: c.ids[p]!,
      sessionIds: sessionIds.subarray(from, to),
      at: at.subarray(from, to),
      ip: ip.subarray(from, to),
      ua: ua.subarray(from, to),
    };
    for (const d of judgeHistory(h, dict, ctx)) drafts.push(prepareDraft(d));
    state.set(h.personId, stateOf(h));
    if ((p & 0xfff) === 0) hooks.throwIfCancelled();
  }
  return { drafts, state, rows: n };
}

/** What the other thread is asked to judge: its share of the people, with the scan's settings. */
export interface ShareJob {
  range: PersonKeyRange;
  settings: DetectorSettings;
}

/**
 * Another thread that reads and judges the 'reader' share of the people while this one loads the
 * people and judges the 'scan' share (session-reader.ts): `start` hands it the job, `wait`
 * returns what it found (null if it could not: this thread then judges that share itself),
 * `cancel` lets it go (at any time; again is harmless).
 */
export interface PartReader {
  start(job: ShareJob): void;
  /** Rows it has read so far. */
  rowsRead(): number;
  /** `onProgress` is called now and then while it waits. */
  wait(onProgress?: () => void): SessionPassResult | null;
  cancel(): void;
}

/**
 * Every session of the instance, in one read: on this thread alone, or (with `reader`, already
 * started) on two, each judging its own share of the people. The findings are the same either way.
 */
export function fullSessionPass(
  db: DB,
  range: PersonKeyRange,
  expected: number,
  dict: Dictionary,
  ctx: SessionDetectorContext,
  hooks: PassHooks,
  reader?: PartReader,
): SessionPassResult {
  if (!reader) return judgeShare(db, range, 'all', expected, dict, ctx, hooks);
  try {
    // Progress counts the rows of both threads.
    const own = judgeShare(db, range, 'scan', expected, dict, ctx, {
      ...hooks,
      progress: (rows) => hooks.progress(rows + reader.rowsRead()),
    });
    const other =
      reader.wait(() => hooks.progress(own.rows + reader.rowsRead())) ??
      judgeShare(db, range, 'reader', expected, dict, ctx, {
        ...hooks,
        progress: (rows) => hooks.progress(own.rows + rows),
      });
    for (const [id, s] of other.state) own.state.set(id, s);
    for (const d of other.drafts) own.drafts.push(d);
    return { drafts: own.drafts, state: own.state, rows: own.rows + other.rows };
  } finally {
    reader.cancel();
  }
}
