/**
 * Peer-group outliers: a role the person's peers do not hold. Peers are the other people with the
 * same side (internal or external), department and title (API accounts and removed people are
 * nobody's peers); groups smaller than `peerMinGroup` (the person included) are not compared.
 * A role held by at most `peerMaxShare` of the peers (0: by none of them) is unlike theirs.
 *
 * No black box: every role the person holds is listed with the share of peers who hold it, and
 * its contribution (1 - that share). One finding per person and unusual role.
 *
 * Score: (1 - share) x (0.55 + 0.25 x min(1, peers / 20)) + 0.2 for a privileged role: an
 * unusual role in a large group of alike people says more than in a group of four.
 */
import type { EvidenceRole } from '../../../src-preload/contract';
import type { DetectorContext, FindingDraft, PersonFacts } from '../model';
import { percent, roundScore } from '../model';
import { ACCESS_TYPES } from '../../smartsimple/protocol';

/** What peer groups are made of: a person's side, department, title and roles (no more is read). */
export type PeerFacts = Pick<
  PersonFacts,
  'id' | 'deleted' | 'accessType' | 'isExternal' | 'department' | 'title' | 'roleIds'
>;

/** The peer group a person belongs to, or null when they are nobody's peer. */
export function peerGroupKey(p: Omit<PeerFacts, 'id' | 'roleIds'>) {
  if (p.deleted || p.accessType === ACCESS_TYPES.api) return null;
  if (!p.department && !p.title) return null;
  return `${p.isExternal ? 'ext' : 'int'}|${p.department ?? ''}|${p.title ?? ''}`;
}

export function groupPeople<P extends PeerFacts>(people: Iterable<P>): Map<string, P[]> {
  const groups = new Map<string, P[]>();
  for (const p of people) {
    const key = peerGroupKey(p);
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return groups;
}

function describeGroup(p: PeerFacts): string {
  return [p.isExternal ? 'external' : 'internal', p.department, p.title].filter(Boolean).join(', ');
}

/** A peer group's size and the holders of each role among its members (each role counted once a person). */
export interface GroupCounts {
  size: number;
  holders: Map<number, number>;
}

/** A person's roles, each once and ascending (the list itself when it already is: the usual case, no copy). */
export function sortedRoles(ids: readonly number[]): readonly number[] {
  let ascending = true;
  for (let i = 1; i < ids.length && ascending; i++) ascending = ids[i - 1]! < ids[i]!;
  return ascending ? ids : [...new Set(ids)].sort((a, b) => a - b);
}

export function countGroup(members: readonly Pick<PeerFacts, 'roleIds'>[]): GroupCounts {
  const holders = new Map<number, number>();
  for (const m of members) for (const r of sortedRoles(m.roleIds)) holders.set(r, (holders.get(r) ?? 0) + 1);
  return { size: members.length, holders };
}

/** The roles of a group unlike its members' (held by at most `peerMaxShare` of a holder's peers); none below the size. */
export function unusualRoles(counts: GroupCounts, settings: DetectorContext['settings']): number[] {
  if (counts.size < settings.peerMinGroup) return [];
  const peers = counts.size - 1;
  return [...counts.holders].filter(([, h]) => (h - 1) / peers <= settings.peerMaxShare).map(([r]) => r);
}

export function detectPeerOutliers(
  groups: ReadonlyMap<string, readonly PeerFacts[]>,
  ctx: DetectorContext,
): FindingDraft[] {
  const found: FindingDraft[] = [];
  for (const members of groups.values()) found.push(...judgeGroupMembers(countGroup(members), members, ctx));
  return found;
}

/**
 * The findings of the members given, judged against their group's counts: the whole group, or (an
 * incremental scan) only the holders of its unusual roles, which are the only members it can name.
 */
export function judgeGroupMembers(
  counts: GroupCounts,
  members: readonly PeerFacts[],
  ctx: DetectorContext,
): FindingDraft[] {
  const { peerMinGroup, peerMaxShare } = ctx.settings;
  const found: FindingDraft[] = [];
  if (counts.size < peerMinGroup) return found;
  const { holders } = counts;
  const peers = counts.size - 1;
  const unusual = (roleId: number) => ((holders.get(roleId) ?? 1) - 1) / peers <= peerMaxShare;
  for (const person of members) {
    if (!person.roleIds.some(unusual)) continue;
    found.push(...personOutliers(person, sortedRoles(person.roleIds), holders, peers, ctx));
  }
  return found;
}

function personOutliers(
  person: PeerFacts,
  roleIds: readonly number[],
  holders: ReadonlyMap<number, number>,
  peers: number,
  ctx: DetectorContext,
): FindingDraft[] {
  const { peerMaxShare } = ctx.settings;
  const found: FindingDraft[] = [];
  const roles: EvidenceRole[] = roleIds.map((roleId) => {
    const share = ((holders.get(roleId) ?? 1) - 1) / peers;
    const role = ctx.roles.get(roleId);
    return {
      roleId,
      roleName: role?.name ?? `Role ${roleId}`,
      privileged: role?.privileged ?? false,
      peerShare: Math.round(share * 1000) / 1000,
      contribution: Math.round((1 - share) * 1000) / 1000,
    };
  });
  for (const subject of roles) {
    if ((subject.peerShare ?? 1) > peerMaxShare) continue;
    const share = subject.peerShare ?? 0;
    const privileged = subject.privileged || (ctx.roles.get(subject.roleId)?.likelyPrivileged ?? false);
    const score = roundScore((1 - share) * (0.55 + 0.25 * Math.min(1, peers / 20)) + (privileged ? 0.2 : 0));
    const others = Math.round(share * peers);
    found.push({
      key: `peer_outlier:${person.id}:${subject.roleId}`,
      kind: 'peer_outlier',
      personId: person.id,
      score,
      reason:
        `Holds ${subject.roleName}${privileged ? ' (privileged)' : ''}, which ${others === 0 ? 'none' : `only ${others}`} ` +
        `of their ${peers} peers (${describeGroup(person)}) hold${others === 1 ? 's' : ''} (${percent(share)}).`,
      numbers: { peers, peersHolding: others, peerShare: share, roleId: subject.roleId },
      evidence: {
        roles: roles
          .map((r) => (r.roleId === subject.roleId ? { ...r, subject: true } : r))
          .sort((a, b) => (b.contribution ?? 0) - (a.contribution ?? 0)),
        facts: {
          peerGroup: describeGroup(person),
          groupSize: peers + 1,
          department: person.department,
          title: person.title,
        },
      },
      occurredAt: null,
    });
  }
  return found;
}
