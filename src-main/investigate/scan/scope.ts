/**
 * What an incremental scan looks at: only what the rows since the last scan (and the time since
 * it) can change.
 *
 * - sessions: the people with a session past the last scan's mark;
 * - bursts: the actors of role changes past the mark;
 * - people's own findings: those with a new session, a new access change made to them or by them,
 *   a row changed since (investigate_dirty_people, kept by triggers on mirror_people), or whom
 *   time moved across a limit (their latest sign-in
 *   crossed the dormant or privileged-unused days, their access expiry day passed);
 * - peer groups: every group those people were in at the last scan or are in now, compared from
 *   the counts the last scan kept (peer-pass.ts).
 */
import type { PersonKeyRange } from '../../db/mirror-keys';
import type { DB } from '../../db/open';
import type { PersonFacts } from '../model';
import { DAY_S, secondsToWire } from '../model';
import type { ScanRecord } from '../scans-store';
import type { ScanRequest } from './scan';
import { crossingPeople, dirtyPeople, loadPeople, newEventPeople, peopleWithNewSessions } from './scan-store';

export interface IncrementalScope {
  sessionPeople: number[];
  actors: number[];
  /** People whose own findings are recomputed (loaded). */
  judged: PersonFacts[];
}

export function incrementalScope(
  db: DB,
  req: ScanRequest,
  range: PersonKeyRange | null,
  previous: ScanRecord,
  asOf: number,
  upTo: number,
): IncrementalScope {
  const sessionPeople = range ? peopleWithNewSessions(db, range, previous.marks.sessionKey) : [];
  const events = range ? newEventPeople(db, range, previous.marks.eventKey) : { actors: [], people: [] };
  const before = Date.parse(`${previous.asOf.replace(' ', 'T')}Z`) / 1000;
  const idle = [...new Set([req.settings.dormantDays, req.settings.privilegedUnusedDays])];
  const crossing = crossingPeople(
    db,
    req.instanceId,
    idle.map((d) => [secondsToWire(before - d * DAY_S), secondsToWire(asOf - d * DAY_S)]),
    [secondsToWire(before).slice(0, 10), secondsToWire(asOf).slice(0, 10)],
  );
  const changed = dirtyPeople(db, req.instanceId, upTo);
  const ids = new Set([...sessionPeople, ...events.people, ...events.actors, ...crossing, ...changed]);
  return { sessionPeople, actors: events.actors, judged: loadPeople(db, req.instanceId, ids) };
}
