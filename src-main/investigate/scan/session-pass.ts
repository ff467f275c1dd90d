/**
 * The session detectors over the login log. A full scan reads the whole log once in key order
 * (the table's own order, so SQLite reads it front to back), buckets the rows by person with a
 * counting sort, and judges each person's history in time order; an incremental scan judges only
 * the people with new sessions, their history read through the per-person index.
 */
import type { PersonKeyRange } from '../../db/mirror-keys';
import type { DB } from '../../db/open';
import { detectNewIpOrAgent, newAddresses } from '../detectors/new-ip-or-agent';
import { detectOffHours } from '../detectors/off-hours';
import { profileSessions } from '../detectors/session-profile';
import type { DetectorContext, FindingDraft, SessionHistory } from '../model';
import { Dictionary, wireToSeconds } from '../model';
import { iterateSessions, sessionHistories, sessionKeySpan, sessionPeopleSpan } from './scan-store';

export interface PersonSessionState {
  lastSessionAt: number | null;
  sessions: number;
}

export interface SessionPassResult {
  drafts: FindingDraft[];
  state: Map<number, PersonSessionState>;
  rows: number;
}

export interface PassHooks {
  /** Rows read so far (the full pass calls it every 64k rows). */
  progress(rows: number): void;
  throwIfCancelled(): void;
}

/** Both session detectors on one person's history, against one profile. */
export function judgeHistory(h: SessionHistory, dict: Dictionary, ctx: DetectorContext): FindingDraft[] {
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
  const drafts: FindingDraft[] = [];
  const state = new Map<number, PersonSessionState>();
  let rows = 0;
  for (const h of sessionHistories(db, range, people, dict)) {
    rows += h.at.length;
    drafts.push(...judgeHistory(h, dict, ctx));
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

function startReading(db: DB, range: PersonKeyRange, expected: number): Reading {
  return {
    c: allocate(Math.max(1024, expected + 1024)),
    index: personIndex(sessionPeopleSpan(db, range)),
    lastIp: [],
    lastUa: [],
    lastIpId: [],
    lastUaId: [],
  };
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

/** The sessions with a key in [from, to], appended to `r`. */
function readKeys(
  db: DB,
  range: PersonKeyRange,
  from: number,
  to: number,
  dict: Dictionary,
  r: Reading,
  hooks: PassHooks,
) {
  for (const [user, session, start, ip, ua] of iterateSessions(db, range, from, to)) {
    // Rows may arrive while the scan reads (a sync writing): grow.
    if (r.c.length === r.c.person.length) r.c = allocate(r.c.length * 2, r.c);
    const c = r.c;
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
    if ((row & 0xffff) === 0xffff) {
      hooks.progress(row + 1);
      hooks.throwIfCancelled();
    }
  }
}

/**
 * A part of the log read by another thread (session-reader.ts): its columns, with person ids in
 * `ids` and addresses and browsers as numbers in its own dictionary, `texts` (0 is none).
 */
export interface LogPart extends Omit<Columns, 'ids'> {
  ids: Int32Array;
  texts: string[];
}

/** Reads the sessions with a key in [from, to] into a part for another thread (session-reader.ts). */
export function readLogPart(db: DB, range: PersonKeyRange, from: number, to: number, hooks: PassHooks): LogPart {
  const dict = new Dictionary();
  const r = startReading(db, range, 0);
  readKeys(db, range, from, to, dict, r, hooks);
  const { c } = r;
  const n = c.length;
  return {
    length: n,
    person: c.person.slice(0, n),
    at: c.at.slice(0, n),
    ip: c.ip.slice(0, n),
    ua: c.ua.slice(0, n),
    session: c.session.slice(0, n),
    ids: Int32Array.from(c.ids),
    texts: dict.all(),
  };
}

/** Appends a part read elsewhere (the later keys), its people and texts mapped into `r` and `dict`. */
function appendPart(r: Reading, part: LogPart, dict: Dictionary): void {
  if (r.c.length + part.length > r.c.person.length) r.c = allocate(r.c.length + part.length, r.c);
  const c = r.c;
  const people = Int32Array.from(part.ids, (user) => personOf(r, user));
  const texts = new Int32Array(part.texts.length).fill(-1);
  const textId = (id: number) => {
    if (id === 0) return 0;
    let mapped = texts[id]!;
    if (mapped < 0) texts[id] = mapped = dict.id(part.texts[id] ?? null);
    return mapped;
  };
  for (let k = 0; k < part.length; k++) {
    const row = c.length++;
    c.person[row] = people[part.person[k]!]!;
    c.at[row] = part.at[k]!;
    c.ip[row] = textId(part.ip[k]!);
    c.ua[row] = textId(part.ua[k]!);
    c.session[row] = part.session[k]!;
  }
}

/**
 * Another thread that reads the later part of the log while this one loads the people and reads
 * the earlier part: `start` hands it the first key it reads, `wait` returns its part (null if it
 * could not read it: this thread then reads that part itself), `cancel` lets it go (at any time;
 * again is harmless).
 */
export interface PartReader {
  start(fromKey: number, range: PersonKeyRange): void;
  /** Rows it has read so far. */
  rowsRead(): number;
  /** `onProgress` is called now and then while it waits. */
  wait(onProgress?: () => void): LogPart | null;
  cancel(): void;
}

/** The share of the log's keys this thread reads when another reads the rest (it loads the people first). */
const OWN_SHARE = 0.4;

/** The later part of the log, handed to another thread: keys after `split`. */
export interface ElsewherePart {
  reader: PartReader;
  split: number;
}

/**
 * Hands the later part of the log to `reader` now, so it reads while this thread does other work;
 * undefined (and the reader let go) when the log is too small to share.
 */
export function startElsewhere(db: DB, range: PersonKeyRange, reader: PartReader): ElsewherePart | undefined {
  const span = sessionKeySpan(db, range);
  if (!span || span.max - span.min < 2) {
    reader.cancel();
    return undefined;
  }
  const split = Math.floor(span.min + (span.max - span.min) * OWN_SHARE);
  reader.start(split + 1, range);
  return { reader, split };
}

function readAll(
  db: DB,
  range: PersonKeyRange,
  expected: number,
  dict: Dictionary,
  hooks: PassHooks,
  elsewhere?: ElsewherePart,
): Columns {
  const r = startReading(db, range, expected);
  if (!elsewhere) {
    readKeys(db, range, range.base, range.last, dict, r, hooks);
    return r.c;
  }
  const { reader, split } = elsewhere;
  // Progress counts the rows of both threads.
  const both: PassHooks = { ...hooks, progress: (own) => hooks.progress(own + reader.rowsRead()) };
  try {
    readKeys(db, range, range.base, split, dict, r, both);
    const part = reader.wait(() => both.progress(r.c.length));
    if (part) appendPart(r, part, dict);
    else readKeys(db, range, split + 1, range.last, dict, r, hooks);
  } finally {
    reader.cancel();
  }
  return r.c;
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

/** Every session of the instance, in one read. */
export function fullSessionPass(
  db: DB,
  range: PersonKeyRange,
  expected: number,
  dict: Dictionary,
  ctx: DetectorContext,
  hooks: PassHooks,
  elsewhere?: ElsewherePart,
): SessionPassResult {
  const c = readAll(db, range, expected, dict, hooks, elsewhere);
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
  const drafts: FindingDraft[] = [];
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
    for (const d of judgeHistory(h, dict, ctx)) drafts.push(d);
    state.set(h.personId, stateOf(h));
    if ((p & 0xfff) === 0) hooks.throwIfCancelled();
  }
  return { drafts, state, rows: c.length };
}
