/**
 * Peer groups for "k of n peers hold it": the investigation's definition (same side, department
 * and title; API accounts and removed people are nobody's peers), over every live person of the
 * instance, not only the campaign's. Holdings are counted per group once, then each item asks.
 */
import { peerGroupKey } from '../investigate/detectors/peer-outliers';
import { ACCESS_TYPES } from '../smartsimple/protocol';
import type { ReviewAssignment, ReviewPerson } from './model';

export interface PeerCount {
  /** Peers (the person not counted). */
  n: number;
  /** Peers who hold it. */
  k: number;
  /** The group in words: "internal, Finance, Finance Officer". */
  group: string;
}

export interface PeerIndex {
  /** null: the person has no peer group big enough to compare with. */
  role(person: ReviewPerson, roleId: number): PeerCount | null;
  assignment(person: ReviewPerson, programId: number, roleId: number): PeerCount | null;
  access(person: ReviewPerson): PeerCount | null;
}

interface Group {
  size: number;
  counts: Map<string, number>;
}

const describe = (p: ReviewPerson) =>
  [p.isExternal ? 'external' : 'internal', p.department, p.title].filter(Boolean).join(', ');

export function buildPeerIndex(
  people: readonly ReviewPerson[],
  assignments: readonly ReviewAssignment[],
  minGroup: number,
): PeerIndex {
  const groups = new Map<string, Group>();
  const keyOf = new Map<number, string>();
  const bump = (g: Group, what: string) => g.counts.set(what, (g.counts.get(what) ?? 0) + 1);
  for (const p of people) {
    const key = peerGroupKey(p);
    if (key === null) continue;
    keyOf.set(p.id, key);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { size: 0, counts: new Map() }));
    g.size++;
    for (const r of p.roleIds) bump(g, `r${r}`);
    if (p.accessType === ACCESS_TYPES.user) bump(g, 'access');
  }
  const seen = new Set<string>();
  for (const a of assignments) {
    const key = keyOf.get(a.personId);
    const once = `${a.personId}:${a.programId}:${a.roleId}`;
    if (key === undefined || seen.has(once)) continue;
    seen.add(once);
    bump(groups.get(key)!, `a${a.programId}:${a.roleId}`);
  }
  const count = (person: ReviewPerson, what: string, holds: boolean): PeerCount | null => {
    const key = keyOf.get(person.id);
    const g = key === undefined ? undefined : groups.get(key);
    if (!g || g.size < minGroup) return null;
    return { n: g.size - 1, k: (g.counts.get(what) ?? 0) - (holds ? 1 : 0), group: describe(person) };
  };
  return {
    role: (person, roleId) => count(person, `r${roleId}`, person.roleIds.includes(roleId)),
    assignment: (person, programId, roleId) => count(person, `a${programId}:${roleId}`, true),
    access: (person) => count(person, 'access', person.accessType === ACCESS_TYPES.user),
  };
}
