/**
 * What the detectors read and what they produce, independent of SQLite: the scan loads these from
 * the mirror (scan-store.ts), each detector is a function over them (detectors/), and the findings
 * store writes what they return.
 */
import type { DetectorSettings, EvidenceSession, FindingEvidence, FindingKind } from '../../src-preload/contract';
import { ACCESS_TYPES, USER_TYPES } from '../smartsimple/protocol';

export type { DetectorSettings, EvidenceSession, FindingEvidence, FindingKind };

export const DAY_S = 86_400;

/** One person as the detectors see them. Times are seconds since the epoch (UTC). */
export interface PersonFacts {
  id: number;
  name: string;
  isExternal: boolean;
  accessType: string | null;
  userType: string | null;
  status: string | null;
  /** `YYYY-MM-DD`, or null. */
  expiry: string | null;
  department: string | null;
  title: string | null;
  /** sf_Last Login as the server keeps it. */
  lastLogin: number | null;
  created: number | null;
  deleted: boolean;
  roleIds: number[];
  /** The newest session start in the mirror's log. */
  lastSessionAt: number | null;
}

export interface RoleFacts {
  id: number;
  name: string;
  /** The administrator flagged it privileged. */
  privileged: boolean;
  /** Undecided, but its name or holders look privileged (mirror/roles-store.ts's hints). */
  likelyPrivileged: boolean;
}

/**
 * A person's sessions in time order, addresses and browsers as ids of the scan's dictionary.
 * Arrays, or views into a full scan's columns.
 */
export interface SessionHistory {
  personId: number;
  sessionIds: ArrayLike<number>;
  /** Start, seconds. */
  at: ArrayLike<number>;
  ip: ArrayLike<number>;
  ua: ArrayLike<number>;
}

/** Turns repeated strings (addresses, browsers) into small numbers and back. */
export class Dictionary {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [''];
  /** 0 stands for "none". */
  id(text: string | null): number {
    if (!text) return 0;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
  text(id: number): string | null {
    return id === 0 ? null : (this.texts[id] ?? null);
  }
  /** Every text by its number (index 0, "none", is ''): to hand the dictionary to another thread. */
  all(): string[] {
    return [...this.texts];
  }
}

/** A role change from the access log. */
export interface RoleChange {
  eventId: number;
  personId: number;
  action: 'role_added' | 'role_removed';
  roleId: number | null;
  actorId: number;
  at: number;
}

/** What a detector returns: the store keys it, keeps its status, and fills in the names. */
export interface FindingDraft {
  /** Stable across scans: what the finding is about (`peer_outlier:<person>:<role>`). */
  key: string;
  kind: FindingKind;
  personId: number;
  /** 0..1. */
  score: number;
  reason: string;
  numbers: Record<string, number | string | null>;
  evidence: FindingEvidence;
  /** When it happened (wire date), if it is one moment. */
  occurredAt: string | null;
}

/** Everything a detector may need besides its own rows. */
export interface DetectorContext {
  settings: DetectorSettings;
  /** The moment the mirror is judged at (seconds). */
  asOf: number;
  roles: ReadonlyMap<number, RoleFacts>;
  /** Names of people the evidence mentions (actors of changes). */
  personName(id: number): string | null;
  /** A person's sessions for evidence: the newest `limit`, or those starting after `after` (seconds). */
  sessionsOf(personId: number, options: { after?: number; limit: number }): EvidenceSession[];
}

/**
 * What the session detectors (off hours, new address or browser) read besides a person's history:
 * the settings only, so the scan's second thread can run them (scan/session-reader.ts).
 */
export type SessionDetectorContext = Pick<DetectorContext, 'settings'>;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const digits = (s: string, from: number, count: number): number => {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
};

/**
 * `YYYY-MM-DD HH:MM:SS` (UTC; the time may be cut short) -> seconds; null for empty or
 * unreadable text. Arithmetic on the characters: a scan converts a million of these.
 */
export function wireToSeconds(text: string | null | undefined): number | null {
  if (!text || text.length < 10) return null;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  const h = text.length >= 13 ? digits(text, 11, 2) : 0;
  const mi = text.length >= 16 ? digits(text, 14, 2) : 0;
  const s = text.length >= 19 ? digits(text, 17, 2) : 0;
  const seconds = daysFromCivil(y, mo, d) * DAY_S + h * 3600 + mi * 60 + s;
  return Number.isNaN(seconds) || mo < 1 || mo > 12 || d < 1 || d > 31 ? null : seconds;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Seconds -> `YYYY-MM-DD HH:MM:SS` (UTC), by arithmetic (Howard Hinnant's civil_from_days). */
export function secondsToWire(seconds: number): string {
  const s = Math.floor(seconds);
  const z = Math.floor(s / DAY_S) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const t = s - Math.floor(s / DAY_S) * DAY_S;
  return `${y}-${two(m)}-${two(d)} ${two(Math.floor(t / 3600))}:${two(Math.floor(t / 60) % 60)}:${two(t % 60)}`;
}

export const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));
/** Scores are shown with two decimals; keep them so, so a rescan writes the same value. */
export const roundScore = (x: number): number => Math.round(clamp01(x) * 100) / 100;

export const days = (seconds: number): number => Math.floor(seconds / DAY_S);

export const isAdminType = (p: Pick<PersonFacts, 'userType'>): boolean =>
  p.userType === USER_TYPES.localAdmin || p.userType === USER_TYPES.globalAdmin;

/** Expired at `asOf`: access ends when its expiry day begins (UTC), as SmartSimple counts it. */
export function isExpired(p: Pick<PersonFacts, 'expiry'>, asOf: number): boolean {
  if (!p.expiry) return false;
  const end = wireToSeconds(p.expiry);
  return end !== null && end <= asOf;
}

/** Can sign in now: login access, Active, not expired, not removed. */
export function canSignIn(p: PersonFacts, asOf: number): boolean {
  return !p.deleted && p.accessType === ACCESS_TYPES.user && p.status === 'Active' && !isExpired(p, asOf);
}

/** The latest sign-in the mirror knows of: the server's last login or the newest session. */
export function lastActivity(p: Pick<PersonFacts, 'lastLogin' | 'lastSessionAt'>): number | null {
  if (p.lastLogin === null) return p.lastSessionAt;
  if (p.lastSessionAt === null) return p.lastLogin;
  return Math.max(p.lastLogin, p.lastSessionAt);
}

export const plural = (n: number, word: string, many = `${word}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;

export const percent = (x: number): string => `${Math.round(x * 100)}%`;
