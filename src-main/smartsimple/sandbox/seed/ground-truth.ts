/**
 * What was planted, with the rules that make each list exact (not merely "contains"): the tests
 * check every rule against the generated data, and the app's detectors are scored against it.
 */
import { writeFile } from 'node:fs/promises';
import { BURST_WINDOW_MS, NORMAL_MAX_IN_WINDOW } from './access-events';
import { MIN_PEER_GROUP } from './roles';
import { DORMANT_DAYS, OFF_HOURS } from './sessions';

export interface GroundTruth {
  seed: number;
  people: number;
  /** End of the logs (generation time) and start of the log window, wire format UTC. */
  now: string;
  logStart: string;
  definitions: Record<'dormant' | 'offHoursLogins' | 'permissionBurst' | 'peerOutliers' | 'nearDuplicates', string>;
  /** User ids. */
  dormant: string[];
  offHoursLogins: Array<{ sessionId: string; userId: string; ip: string; start: string }>;
  permissionBurst: { actorId: string; eventIds: string[]; from: string; to: string };
  peerOutliers: Array<{ userId: string; roleId: string; roleName: string; department: string; title: string }>;
  nearDuplicates: Array<{ originalId: string; duplicateId: string }>;
  privilegedRoleIds: string[];
}

export const DEFINITIONS: GroundTruth['definitions'] = {
  dormant:
    `Access type User (1), status Active, no access expiry in the past, and no login session in the last ${DORMANT_DAYS} days ` +
    '(sf_Last Login, if any, is older too). Exactly these people; every other such user logged in within the window.',
  offHoursLogins:
    `A session starting between ${OFF_HOURS.fromHour}:00 and ${OFF_HOURS.toHour}:00 in the person's local time, from an IP ` +
    'address that appears in no earlier session of that person, in the last 30 days. Every other session starts inside its ' +
    "person's working hours (never before 06:00 local).",
  permissionBurst:
    `role_added/role_removed events by one actor, all within ${BURST_WINDOW_MS / 60_000} minutes; no other actor has more than ` +
    `${NORMAL_MAX_IN_WINDOW} Access Modification events in any ${BURST_WINDOW_MS / 60_000}-minute window, and the burst actor has ` +
    'no other event within that distance of the burst.',
  peerOutliers:
    `The only holder of a profile role within a peer group (same Is External, cf_Department and sf_Title; at least ${MIN_PEER_GROUP} ` +
    'people, the API user not counted). Exactly these (person, role) pairs.',
  nearDuplicates:
    'The same person twice in the same e-mail domain: full names (case-insensitive "first last") within edit distance 2 and e-mails ' +
    'within edit distance 2, not both identical. No other pair in one e-mail domain has names within distance 2.',
};

export async function writeGroundTruth(path: string, truth: GroundTruth): Promise<void> {
  await writeFile(path, `${JSON.stringify(truth, null, 2)}\n`, 'utf8');
}
