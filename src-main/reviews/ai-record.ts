/**
 * The AI record, looked at: how often each kind of suggestion was taken, month by month (the
 * AI suggestion record and the review recommendations), the latest decisions made against a
 * recommendation, and a fairness check of the role recommendations across groups (internal and
 * external people, departments): how often a group is recommended for revocation and how often
 * reviewers follow those recommendations, each against everyone else, and against what reviewers
 * decided for people of the same group in signed-off campaigns. A gap is flagged when it is at
 * least 10 points and a two-proportion z-test puts it beyond chance (|z| >= 1.96), with at
 * least 20 items on each side.
 */
import type { AiRecord, FairnessGroup } from '../../src-preload/contract';
import {
  fairnessRows,
  recentOverrides,
  recommendationMonths,
  suggestionMonths,
  type FairnessRow,
} from './ai-record-store';
import type { ReviewsServiceDeps } from './deps';

export const FAIRNESS = { minItems: 20, minGap: 0.1, z: 1.96 } as const;

export const FAIRNESS_METHOD =
  `Role recommendations only. For each group, the share recommended for revocation and the share of reviewers' decisions ` +
  `that followed the recommendation are compared with everyone else's, and the revocation share with what reviewers ` +
  `decided for people of the group in signed-off campaigns. A gap is flagged when it is ${FAIRNESS.minGap * 100} points or ` +
  `more and a two-proportion z-test gives |z| >= ${FAIRNESS.z} (about 95% confidence), with at least ` +
  `${FAIRNESS.minItems} items on each side. Decisions taken by default are nobody's and are not counted.`;

/** Two-proportion z statistic; 0 when there is nothing to compare. */
export function zTest(x1: number, n1: number, x2: number, n2: number): number {
  if (n1 === 0 || n2 === 0) return 0;
  const p = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  if (se === 0) return 0;
  return (x1 / n1 - x2 / n2) / se;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

interface Tally {
  items: number;
  revoke: number;
  decided: number;
  followed: number;
  histDecided: number;
  histRevoked: number;
}

function tally(rows: readonly FairnessRow[]): Tally {
  const t: Tally = { items: 0, revoke: 0, decided: 0, followed: 0, histDecided: 0, histRevoked: 0 };
  for (const r of rows) {
    t.items++;
    if (r.recommendation === 'revoke') t.revoke++;
    if (r.human) {
      t.decided++;
      if (r.decision === r.recommendation) t.followed++;
      if (r.signedOff) {
        t.histDecided++;
        if (r.decision === 'revoke') t.histRevoked++;
      }
    }
  }
  return t;
}

function flag(
  label: string,
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  what: (a: string, b: string) => string,
): string[] {
  if (n1 < FAIRNESS.minItems || n2 < FAIRNESS.minItems) return [];
  const gap = x1 / n1 - x2 / n2;
  const z = zTest(x1, n1, x2, n2);
  if (Math.abs(gap) < FAIRNESS.minGap || Math.abs(z) < FAIRNESS.z) return [];
  return [`${label}: ${what(pct(x1 / n1), pct(x2 / n2))} (z = ${z.toFixed(1)}).`];
}

function groupOf(
  dimension: FairnessGroup['dimension'],
  group: string,
  rows: FairnessRow[],
  rest: FairnessRow[],
): FairnessGroup {
  const g = tally(rows);
  const o = tally(rest);
  const flags = [
    ...flag(
      group,
      g.revoke,
      g.items,
      o.revoke,
      o.items,
      (a, b) => `recommended for revocation ${a} of the time, against ${b} for everyone else`,
    ),
    ...flag(
      group,
      g.followed,
      g.decided,
      o.followed,
      o.decided,
      (a, b) => `reviewers followed ${a} of the recommendations, against ${b} for everyone else`,
    ),
    ...flag(
      group,
      g.revoke,
      g.items,
      g.histRevoked,
      g.histDecided,
      (a, b) =>
        `recommended for revocation ${a} of the time, while reviewers revoked ${b} for these people in signed-off campaigns`,
    ),
  ];
  return {
    dimension,
    group,
    items: g.items,
    recommendedRevoke: g.revoke,
    revokeRate: g.items === 0 ? 0 : g.revoke / g.items,
    decided: g.decided,
    acceptanceRate: g.decided === 0 ? null : g.followed / g.decided,
    historicalRevokeRate: g.histDecided === 0 ? null : g.histRevoked / g.histDecided,
    historicalDecided: g.histDecided,
    flags,
  };
}

export function fairness(rows: readonly FairnessRow[]): FairnessGroup[] {
  const roles = rows.filter((r) => r.kind === 'role');
  const out: FairnessGroup[] = [];
  for (const side of ['internal', 'external'] as const) {
    const ext = side === 'external' ? 1 : 0;
    const inGroup = roles.filter((r) => r.isExternal === ext);
    if (inGroup.length > 0)
      out.push(
        groupOf(
          'side',
          side === 'external' ? 'External people' : 'Internal staff',
          inGroup,
          roles.filter((r) => r.isExternal !== ext),
        ),
      );
  }
  const departments = [...new Set(roles.map((r) => r.department).filter((d): d is string => !!d))].sort();
  for (const d of departments)
    out.push(
      groupOf(
        'department',
        d,
        roles.filter((r) => r.department === d),
        roles.filter((r) => r.department !== d),
      ),
    );
  return out;
}

export function aiRecord(deps: ReviewsServiceDeps, instanceId: string): AiRecord {
  const id = deps.instances.get(instanceId).id;
  const rates = [...suggestionMonths(deps.db, id), ...recommendationMonths(deps.db, id)]
    .map((r) => ({ ...r, rate: r.decided === 0 ? null : Math.round((r.accepted / r.decided) * 1000) / 1000 }))
    .sort((a, b) => a.month.localeCompare(b.month) || a.kind.localeCompare(b.kind));
  return {
    rates,
    overrides: recentOverrides(deps.db, id, 200),
    fairness: fairness(fairnessRows(deps.db, id)),
    method: FAIRNESS_METHOD,
  };
}
