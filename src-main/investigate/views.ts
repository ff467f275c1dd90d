/**
 * What the screens read besides the findings list: one finding with its evidence and fixes, a
 * person's timeline, and the risk overview.
 */
import type { FindingDetail, PersonTimeline, RiskOverview, TimelineEntry } from '../../src-preload/contract';
import { FINDING_KIND_LABELS } from '../../src-preload/contract';
import type { DB } from '../db/open';
import { notFound } from '../errors/app-error';
import { profileSessions, describeHours } from './detectors/session-profile';
import { getFinding, listFindings } from './findings-store';
import { Dictionary } from './model';
import { remediationsFor } from './remediation';
import { RISK_FACTORS } from './risk';
import { livePeople, personRisk, riskScores, topRisk } from './risk-store';
import { evidenceSessions, keyRange, sessionHistories } from './scan/scan-store';
import { getDetectorSettings } from './settings-store';
import { accessEvents, recentSessions, roleNames, sessionHeatmap, timelinePerson } from './timeline-store';

export function findingDetail(db: DB, instanceId: string, findingId: number): FindingDetail {
  const f = getFinding(db, instanceId, findingId);
  if (!f) throw notFound('The finding');
  const person = timelinePerson(db, instanceId, f.personId);
  // Stored evidence has what the detector saw; the session ends come from the mirror now.
  const range = keyRange(db, instanceId);
  if (range && f.evidence.sessions)
    for (const s of f.evidence.sessions)
      if (s.endedAt === null)
        s.endedAt =
          evidenceSessions(db, range, f.personId, { after: shift(s.startedAt, -1), limit: 1 }).find(
            (x) => x.sessionId === s.sessionId,
          )?.endedAt ?? null;
  return {
    ...f,
    remediations: remediationsFor(f),
    person: {
      id: f.personId,
      name: person?.name ?? f.personName,
      email: person?.email ?? '',
      title: person?.title ?? null,
      department: person?.department ?? null,
    },
  };
}

/** A wire date moved by `seconds`. */
function shift(wire: string, seconds: number): string {
  const ms = Date.parse(`${wire.replace(' ', 'T')}Z`) + seconds * 1000;
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const ACTION_WORDS: Record<string, string> = {
  role_added: 'given',
  role_removed: 'removed from',
  activated: 'activated',
  deactivated: 'deactivated',
  password_reset: 'password reset',
};

export function personTimeline(db: DB, instanceId: string, personId: number): PersonTimeline {
  const person = timelinePerson(db, instanceId, personId);
  if (!person) throw notFound('The person');
  const range = keyRange(db, instanceId);
  const heatmap = range ? sessionHeatmap(db, range, personId) : Array.from({ length: 7 }, () => new Array(24).fill(0));
  const history = range ? sessionHistories(db, range, [personId], new Dictionary())[0] : undefined;
  const profile =
    history && history.at.length > 0 ? profileSessions(history, getDetectorSettings(db, instanceId)) : null;
  const roles = roleNames(db, instanceId);
  const roleOf = (detail: string | null) => {
    const id = /(\d+)/.exec(detail ?? '')?.[1];
    return id ? (roles.get(Number(id)) ?? `role ${id}`) : null;
  };
  const entries: TimelineEntry[] = [];
  if (range) {
    for (const s of recentSessions(db, range, personId, 60))
      entries.push({ at: s.startedAt, kind: 'session', text: `Signed in from ${s.ip ?? 'an unknown address'}` });
    for (const e of accessEvents(db, instanceId, range, personId, 200)) {
      const role = roleOf(e.detail);
      const what =
        e.action.startsWith('role_') && role
          ? `${role} ${ACTION_WORDS[e.action]}`
          : (ACTION_WORDS[e.action] ?? e.action);
      if (e.personId === personId)
        entries.push({
          at: e.at,
          kind: 'access_change',
          text: `${what} by ${e.changedByName ?? `person ${e.changedBy}`}`,
        });
      else
        entries.push({
          at: e.at,
          kind: 'change_made',
          text: `Changed ${e.personName ?? `person ${e.personId}`}: ${what}`,
        });
    }
  }
  const findings = listFindings(db, { instanceId, personId, detected: 'all', sort: 'recent', limit: 200 }).rows;
  for (const f of findings)
    entries.push({
      at: f.occurredAt ?? f.firstSeenAt.slice(0, 19).replace('T', ' '),
      kind: 'finding',
      text: `${FINDING_KIND_LABELS[f.kind]}: ${f.reason}`,
      findingId: f.id,
    });
  entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return {
    person,
    heatmap,
    sessions: history?.at.length ?? 0,
    usualHours: profile?.latest ? describeHours(profile.latest) : null,
    entries: entries.slice(0, 300),
    findings,
    risk: personRisk(db, instanceId, personId),
  };
}

const BANDS: [number, number][] = [
  [1, 19],
  [20, 39],
  [40, 59],
  [60, 79],
  [80, 99],
  [100, Number.POSITIVE_INFINITY],
];

export function riskOverview(db: DB, instanceId: string, top: number): Omit<RiskOverview, 'scan'> {
  const scores = riskScores(db, instanceId);
  const people = livePeople(db, instanceId);
  const distribution = [
    { band: '0', from: 0, to: 0, people: Math.max(0, people - scores.length) },
    ...BANDS.map(([from, to]) => ({
      band: Number.isFinite(to) ? `${from}–${to}` : `${from}+`,
      from,
      to: Number.isFinite(to) ? to : 9999,
      people: scores.filter((s) => s >= from && s <= to).length,
    })),
  ];
  return { people, scored: scores.length, distribution, top: topRisk(db, instanceId, top), factors: RISK_FACTORS };
}
