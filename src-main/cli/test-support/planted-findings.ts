/**
 * Scoring `desk findings --json` against planted ground truth, as a held-out instance is scored:
 * the dormant people, the off-hours sessions and the peer outliers (person and role), exactly.
 */
import { expect } from 'vitest';

/** The planted findings as the sandbox's ground truth (or an instance file) states them. */
export interface PlantedTruth {
  dormant: readonly string[];
  offHoursLogins: readonly { sessionId: string }[];
  peerOutliers: readonly { userId: string; roleId: string }[];
}

/** The fields of a printed finding the scoring reads. */
export interface PrintedFinding {
  kind: string;
  key: string;
  personId: number;
  evidence: { roles?: { roleId: number; subject?: boolean }[] };
}

export function expectPlantedFindings(findings: readonly PrintedFinding[], truth: PlantedTruth): void {
  const of = (kind: string) => findings.filter((f) => f.kind === kind);
  expect(
    of('dormant')
      .map((f) => String(f.personId))
      .sort(),
  ).toEqual([...truth.dormant].sort());
  expect(
    of('off_hours')
      .map((f) => f.key.split(':')[1])
      .sort(),
  ).toEqual(truth.offHoursLogins.map((o) => String(o.sessionId)).sort());
  const pairs = of('peer_outlier').map((f) => `${f.personId}:${f.evidence.roles!.find((r) => r.subject)!.roleId}`);
  expect(pairs.sort()).toEqual(truth.peerOutliers.map((o) => `${o.userId}:${o.roleId}`).sort());
}
