/**
 * Peer-group outliers in a scan. A full scan groups everyone, counts each group and judges every
 * member. An incremental one starts from the counts the last scan kept (peer-store.ts), applies
 * the moves of the people it judges (a changed group or roles), and judges, in every group they
 * were or are in, only the holders of the group's unusual roles: a member holding none cannot be
 * named, so the result is what a full scan finds, at a cost that follows the change, not the groups
 * (the holders kept from the last scan are found in one pass over the people's kept state).
 */
import type { DB } from '../../db/open';
import {
  countGroup,
  groupPeople,
  judgeGroupMembers,
  peerGroupKey,
  sortedRoles,
  unusualRoles,
  type GroupCounts,
  type PeerFacts,
} from '../detectors/peer-outliers';
import type { DetectorContext, FindingDraft, PersonFacts } from '../model';
import { keptCounts, keptHolders, keptPlaces, type PeerMove, type PeerPlace } from './peer-store';

export interface PeerPassResult {
  drafts: FindingDraft[];
  /** The counts of the groups compared (every group in a full scan), as the scan leaves them. */
  counts: Map<string, GroupCounts>;
}

/** A person's place now: their group and their roles. */
export function placeOf(p: PersonFacts): PeerPlace | null {
  const group = peerGroupKey(p);
  return group === null ? null : { group, roleIds: [...sortedRoles(p.roleIds)] };
}

export function fullPeerPass(people: readonly PersonFacts[], ctx: DetectorContext): PeerPassResult {
  const counts = new Map<string, GroupCounts>();
  const drafts: FindingDraft[] = [];
  for (const [group, members] of groupPeople(people)) {
    const c = countGroup(members);
    counts.set(group, c);
    drafts.push(...judgeGroupMembers(c, members, ctx));
  }
  return { drafts, counts };
}

const samePlace = (a: PeerPlace | null, b: PeerPlace | null) =>
  a === b || (a !== null && b !== null && a.group === b.group && a.roleIds.join(',') === b.roleIds.join(','));

function applyMove(counts: Map<string, GroupCounts>, place: PeerPlace | null, by: 1 | -1): void {
  if (!place) return;
  const c = counts.get(place.group);
  if (!c) return;
  c.size += by;
  for (const r of place.roleIds) c.holders.set(r, (c.holders.get(r) ?? 0) + by);
}

/** Someone of the group read from the kept state (unchanged since the last scan). */
function keptMember(id: number, place: PeerPlace): PeerFacts {
  const [side, department, ...title] = place.group.split('|');
  const nonEmpty = (s: string | undefined) => (s ? s : null);
  return {
    id,
    deleted: false,
    accessType: null,
    isExternal: side === 'ext',
    department: nonEmpty(department),
    title: nonEmpty(title.join('|')),
    roleIds: place.roleIds,
  };
}

export function incrementalPeerPass(
  db: DB,
  instanceId: string,
  judged: readonly PersonFacts[],
  ctx: DetectorContext,
): PeerPassResult {
  const kept = keptPlaces(
    db,
    instanceId,
    judged.map((p) => p.id),
  );
  const now = new Map(judged.map((p) => [p.id, { facts: p, place: placeOf(p) }]));
  const moves: PeerMove[] = [];
  const groups = new Set<string>();
  for (const [id, { place }] of now) {
    const before = kept.get(id) ?? null;
    if (place) groups.add(place.group);
    if (before) groups.add(before.group);
    if (!samePlace(before, place)) moves.push({ personId: id, from: before, to: place });
  }
  const counts = keptCounts(db, instanceId, groups);
  for (const m of moves) {
    applyMove(counts, m.from, -1);
    applyMove(counts, m.to, 1);
  }
  for (const c of counts.values()) for (const [r, h] of c.holders) if (h <= 0) c.holders.delete(r);
  // Only the holders of a group's unusual roles can be named: those judged now, and the others as the last scan kept them.
  const unusual = new Map([...counts].map(([group, c]) => [group, unusualRoles(c, ctx.settings)]));
  const keptByGroup = new Map<string, PeerFacts[]>();
  for (const [id, place] of keptHolders(db, instanceId, unusual)) {
    if (now.has(id)) continue;
    const list = keptByGroup.get(place.group) ?? [];
    list.push(keptMember(id, place));
    keptByGroup.set(place.group, list);
  }
  const drafts: FindingDraft[] = [];
  for (const [group, c] of counts) {
    const roles = unusual.get(group) ?? [];
    const members: PeerFacts[] = [];
    for (const { facts, place } of now.values())
      if (place?.group === group && roles.some((r) => place.roleIds.includes(r))) members.push(facts);
    members.push(...(keptByGroup.get(group) ?? []));
    drafts.push(...judgeGroupMembers(c, members, ctx));
  }
  return { drafts, counts };
}
