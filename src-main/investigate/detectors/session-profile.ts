/**
 * A person's habits, learned from their own sessions in time order: the hours of the day they
 * usually start a session (UTC, the mirror's clock), after a learning period. Shared by the
 * off-hours and the new-address detectors, so both judge a session against the same profile.
 *
 * - Learning: a session is judged only once the person has at least `learningLogins` earlier
 *   sessions spread over at least `learningDays` days (Entra's learning period is 14 days or 10
 *   logins; both are asked for here, because hours learned from a handful of logins flag
 *   ordinary ones).
 * - Usual hours: the smallest stretch of the clock (in quarter hours, wrapping at midnight) that
 *   holds every earlier session that was not itself off-hours, widened on each side for the
 *   uncertainty of its edges (seven average gaps between those sessions, at most four hours): a
 *   profile learned from few sessions is taken wide, one learned from many is taken as it is.
 * - A session starting outside the usual hours is that many minutes outside; the detectors
 *   decide what is far enough. Sessions found off-hours do not teach the profile.
 */
import type { DetectorSettings, SessionHistory } from '../model';
import { DAY_S } from '../model';

const BIN_MINUTES = 15;
const BINS = (24 * 60) / BIN_MINUTES;
const DAY_MINUTES = 24 * 60;
/** Each edge is widened by this many average gaps between the sessions that taught it... */
const EDGE_GAPS = 7;
/** ...and at most four hours. */
const MAX_PAD_BINS = (4 * 60) / BIN_MINUTES;

/** Minutes of the day, [start, start + length), wrapping at midnight. */
export interface UsualHours {
  start: number;
  length: number;
}

export interface SessionProfile {
  /** Per session: judged (past the learning period). */
  judged: Uint8Array;
  /** Per session: minutes outside the usual hours (0 inside, or not judged). */
  outside: Float32Array;
  /** Per session outside its usual hours: those hours, and how many sessions taught them. */
  usualAt: Map<number, { hours: UsualHours; learnedFrom: number }>;
  /** The usual hours after the last session (null while learning). */
  latest: UsualHours | null;
  learnedFrom: number;
}

const mod = (x: number, m: number) => ((x % m) + m) % m;

/** The smallest arc of bins (start, length) holding every occupied bin, or null when none is. */
function coveringArc(counts: Uint16Array): [number, number] | null {
  let occupied = 0;
  for (let b = 0; b < BINS; b++) if (counts[b]! > 0) occupied++;
  if (occupied === 0) return null;
  // The largest run of empty bins, going round the clock twice so a run across midnight counts.
  let bestStart = 0;
  let bestLength = 0;
  let runStart = -1;
  let run = 0;
  for (let k = 0; k < 2 * BINS; k++) {
    if (counts[k % BINS] === 0) {
      if (run === 0) runStart = k;
      run++;
      if (run > bestLength && run < BINS) {
        bestLength = run;
        bestStart = runStart;
      }
    } else run = 0;
  }
  return [mod(bestStart + bestLength, BINS), BINS - bestLength];
}

/**
 * The usual hours from the covering arc, widened on each side for the uncertainty of its edges:
 * n sessions spread over an arc of length L leave each edge about L / n short of the true one
 * (the gaps between uniform samples); seven times that covers 99.9% of legitimate sessions. At
 * most four hours a side.
 */
function usualFrom(arc: [number, number], learned: number): UsualHours {
  const [start, length] = arc;
  const pad = Math.min(MAX_PAD_BINS, Math.ceil((EDGE_GAPS * length) / Math.max(1, learned)));
  return {
    start: mod(start - pad, BINS) * BIN_MINUTES,
    length: Math.min(BINS, length + 2 * pad) * BIN_MINUTES,
  };
}

/** Minutes from `minute` (of the day) to the nearest edge of `hours`; 0 inside. */
export function minutesOutside(hours: UsualHours, minute: number): number {
  const offset = mod(minute - hours.start, DAY_MINUTES);
  if (offset < hours.length) return 0;
  const afterEnd = offset - hours.length;
  const beforeStart = DAY_MINUTES - offset;
  return Math.min(afterEnd + 1, beforeStart);
}

export const minuteOfDay = (seconds: number): number => Math.floor(mod(seconds, DAY_S) / 60);

export function profileSessions(h: SessionHistory, settings: DetectorSettings): SessionProfile {
  const n = h.at.length;
  const judged = new Uint8Array(n);
  const outside = new Float32Array(n);
  const usualAt = new Map<number, { hours: UsualHours; learnedFrom: number }>();
  const counts = new Uint16Array(BINS);
  const margin = settings.offHoursMarginHours * 60;
  let learned = 0;
  let arc: [number, number] | null = null;
  let stale = true;
  const first = h.at[0] ?? 0;
  for (let i = 0; i < n; i++) {
    const at = h.at[i]!;
    const minute = minuteOfDay(at);
    if (i >= settings.learningLogins && at - first >= settings.learningDays * DAY_S) {
      if (stale) {
        arc = coveringArc(counts);
        stale = false;
      }
      judged[i] = 1;
      const hours = arc ? usualFrom(arc, learned) : null;
      const away = hours ? minutesOutside(hours, minute) : 0;
      outside[i] = away;
      if (away > 0 && hours) usualAt.set(i, { hours, learnedFrom: learned });
      if (away >= margin) continue;
    }
    const bin = Math.floor(minute / BIN_MINUTES);
    if (counts[bin] === 0) stale = true;
    counts[bin] = Math.min(65_535, counts[bin]! + 1);
    learned++;
  }
  const done = n > 0 && n >= settings.learningLogins && (h.at[n - 1] ?? 0) - first >= settings.learningDays * DAY_S;
  const last = done ? coveringArc(counts) : null;
  return { judged, outside, usualAt, latest: last ? usualFrom(last, learned) : null, learnedFrom: learned };
}

const hhmm = (minute: number) => {
  const m = mod(minute, DAY_MINUTES);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** "07:00–17:30 UTC". */
export function describeHours(hours: UsualHours): string {
  return `${hhmm(hours.start)}–${hhmm(hours.start + hours.length)} UTC`;
}

/** "4 h 45 min". */
export function describeMinutes(minutes: number): string {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  return h > 0 ? `${h} h${m % 60 ? ` ${m % 60} min` : ''}` : `${m} min`;
}
