/**
 * Roles and programs from similar people, and the document's requested roles matched to the
 * catalogue. Peers: the same organization with a similar title, widened step by step (same
 * department with a similar title, the same organization, the same department) until at least 5
 * are found; the answer says which step formed the group. A role or a program assignment is
 * recommended when more than 70% of the peers hold it (SailPoint's rule), never from fewer than 5.
 */
import { jaroWinkler } from '@skyra/jaro-winkler';
import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import type { PeerGroup } from '../../src-preload/contract';
import type { MirrorPersonFields } from '../ai/resolve/mirror-records';
import { MIN_PEERS, PEER_SHARE } from '../ai/tasks/recommend-roles';
import type { AssignmentHolding } from './store';
import type { Fields } from './resolution';

export { MIN_PEERS, PEER_SHARE };

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
export const TITLE_ALIKE = 0.85;
const alike = (a: string | null | undefined, b: string | null | undefined, min: number) => {
  const x = norm(a);
  const y = norm(b);
  return x !== '' && y !== '' && (x === y || jaroWinkler(x, y) >= min);
};

/** The peers and how they were found. */
export function findPeers(
  fields: Fields,
  people: MirrorPersonFields[],
  excludeId: number | null,
): { peers: MirrorPersonFields[]; group: PeerGroup } {
  const others = people.filter((p) => p.id !== excludeId);
  const org = fields.organization;
  const dept = fields.department;
  const title = fields.title;
  const steps: [string, (p: MirrorPersonFields) => boolean, boolean][] = [
    [
      `people of ${org} with a title like "${title}"`,
      (p) => alike(p.organization, org, 0.92) && alike(p.title, title, TITLE_ALIKE),
      !!(org && title),
    ],
    [
      `people of the ${dept} department with a title like "${title}"`,
      (p) => alike(p.department, dept, 0.92) && alike(p.title, title, TITLE_ALIKE),
      !!(dept && title),
    ],
    [`people of ${org} (titles differ)`, (p) => alike(p.organization, org, 0.92), !!org],
    [`people of the ${dept} department (titles differ)`, (p) => alike(p.department, dept, 0.92), !!dept],
  ];
  let last: { peers: MirrorPersonFields[]; how: string } | null = null;
  for (const [how, test, usable] of steps) {
    if (!usable) continue;
    const peers = others.filter(test);
    if (!last || peers.length > last.peers.length) last = { peers, how };
    if (peers.length >= MIN_PEERS)
      return { peers, group: { size: peers.length, how: `${peers.length} ${how}`, tooSmall: false } };
  }
  if (!last)
    return {
      peers: [],
      group: {
        size: 0,
        how: 'The document names no organization, department or title to find similar people by.',
        tooSmall: true,
      },
    };
  return {
    peers: last.peers,
    group: {
      size: last.peers.length,
      how: `Only ${last.peers.length} ${last.how}: at least ${MIN_PEERS} are needed, so nothing is recommended from similar people.`,
      tooSmall: true,
    },
  };
}

/** Program assignments more than 70% of at least 5 peers hold: k of n each. */
export function recommendAssignments(
  peers: number[],
  holdings: Map<number, AssignmentHolding[]>,
  held: AssignmentHolding[],
): { programId: number; roleId: number; holders: number; peers: number }[] {
  const n = peers.length;
  if (n < MIN_PEERS) return [];
  const has = new Set(held.map((h) => `${h.programId}:${h.roleId}`));
  const counts = new Map<string, number>();
  for (const id of peers)
    for (const key of new Set((holdings.get(id) ?? []).map((h) => `${h.programId}:${h.roleId}`)))
      counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .filter(([key, k]) => !has.has(key) && k / n > PEER_SHARE)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([key, k]) => {
      const [programId, roleId] = key.split(':').map(Number) as [number, number];
      return { programId, roleId, holders: k, peers: n };
    });
}

export const ROLE_MATCH = 0.85;

/** How alike a requested role's text is to a catalogue role's name, 0-1. */
export function roleSimilarity(text: string, name: string): number {
  const a = norm(text)
    .replace(/\brole\b/g, '')
    .trim();
  const b = norm(name)
    .replace(/\brole\b/g, '')
    .trim();
  if (!a || !b) return 0;
  if (a === b) return 1;
  const edit = 1 - distance(a, b) / Math.max(a.length, b.length);
  const jw = jaroWinkler(a, b);
  const sound = doubleMetaphone(a)[0] === doubleMetaphone(b)[0] ? 0.03 : 0;
  return Math.min(0.99, Math.max(edit, jw) + sound);
}

/** Each requested role as written, with the catalogue role it matches best (or none above the bar). */
export function matchRequestedRoles(
  requested: string[],
  catalogue: { id: number; name: string }[],
): { text: string; role: { id: number; name: string } | null; score: number }[] {
  return requested
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((text) => {
      let best: { id: number; name: string } | null = null;
      let score = 0;
      for (const r of catalogue) {
        const s = roleSimilarity(text, r.name);
        if (s > score) [best, score] = [r, s];
      }
      return score >= ROLE_MATCH
        ? { text, role: best, score: Math.round(score * 100) / 100 }
        : { text, role: null, score: Math.round(score * 100) / 100 };
    });
}
