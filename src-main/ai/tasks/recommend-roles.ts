/**
 * Recommend roles from similar people. The caller picks the peers (same organization, department
 * or title, from the mirror) and passes their role holdings; locally a role is recommended when
 * more than 70% of at least 5 peers hold it, and the answer says "k of n". Roles the person holds
 * already are never recommended. Fewer than 5 peers: nothing is recommended, and it says so.
 */
import { z } from 'zod';
import type { KnownIdentifier } from '../pseudonymize';
import type { TaskSpec } from '../task';
import { round2 } from '../task';

export const MIN_PEERS = 5;
export const PEER_SHARE = 0.7;

const roleId = z.number().int().positive();

export const recommendRolesInput = z
  .object({
    person: z
      .object({
        organization: z.string().max(500).nullable(),
        department: z.string().max(500).nullable(),
        title: z.string().max(500).nullable(),
        roleIds: z.array(roleId).max(500),
      })
      .strict(),
    peers: z
      .array(z.object({ personId: z.number().int().positive(), roleIds: z.array(roleId).max(500) }).strict())
      .max(5000),
    roles: z.array(z.object({ id: roleId, name: z.string().max(300) }).strict()).max(5000),
  })
  .strict();

const shape = <Id extends z.ZodType>(id: Id) =>
  z.object({
    recommendations: z
      .array(
        z.object({
          roleId: id,
          holders: z.number().int().min(0),
          peers: z.number().int().min(0),
          confidence: z.number().min(0).max(1),
          reason: z.string().max(500),
        }),
      )
      .max(100),
    peers: z.number().int().min(0),
  });

export const recommendRolesOutput = shape(roleId);
export const recommendRolesWire = shape(z.string());
export type RecommendRolesInput = z.infer<typeof recommendRolesInput>;
export type RecommendRolesOutput = z.infer<typeof recommendRolesOutput>;

export function recommendRolesLocally(input: RecommendRolesInput): RecommendRolesOutput {
  const n = input.peers.length;
  if (n < MIN_PEERS) return { recommendations: [], peers: n };
  const names = new Map(input.roles.map((r) => [r.id, r.name]));
  const held = new Set(input.person.roleIds);
  const counts = new Map<number, number>();
  for (const peer of input.peers) for (const r of new Set(peer.roleIds)) counts.set(r, (counts.get(r) ?? 0) + 1);
  const recommendations = [...counts]
    .filter(([r, k]) => !held.has(r) && k / n > PEER_SHARE)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([r, k]) => ({
      roleId: r,
      holders: k,
      peers: n,
      // The share, damped for small peer groups: 5 of 5 is less telling than 50 of 50.
      confidence: round2((k / n) * (n / (n + 2))),
      reason: `${k} of ${n} similar people hold ${names.get(r) ?? `role ${r}`}.`,
    }));
  return { recommendations: recommendations.slice(0, 100), peers: n };
}

export const recommendRolesTask: TaskSpec<typeof recommendRolesInput, typeof recommendRolesOutput> = {
  kind: 'recommend_roles',
  input: recommendRolesInput,
  output: recommendRolesOutput,
  wire: recommendRolesWire,
  instructions:
    'Recommend roles for the person from the roles their peers hold. Recommend a role only when more than 70% ' +
    'of at least 5 peers hold it and the person does not; give holders k, peers n, a confidence 0-1 and a reason ' +
    'saying "k of n". Ids are tokens: answer with the tokens exactly as given.',
  identifiers: (input): KnownIdentifier[] =>
    input.person.organization ? [{ kind: 'organization', value: input.person.organization }] : [],
  local: recommendRolesLocally,
  verify: (out, input) => {
    const truth = new Map(recommendRolesLocally(input).recommendations.map((r) => [r.roleId, r]));
    const n = input.peers.length;
    for (const r of out.recommendations) {
      const holders = input.peers.filter((p) => p.roleIds.includes(r.roleId)).length;
      if (!input.roles.some((x) => x.id === r.roleId)) return `role ${r.roleId} is not in the catalogue given`;
      if (input.person.roleIds.includes(r.roleId)) return `the person holds role ${r.roleId} already`;
      if (r.holders !== holders || r.peers !== n)
        return `role ${r.roleId} is held by ${holders} of ${n}, not ${r.holders} of ${r.peers}`;
      if (!truth.has(r.roleId))
        return `role ${r.roleId} is not held by more than ${PEER_SHARE * 100}% of at least ${MIN_PEERS} peers`;
    }
    return out.peers === n ? null : `there are ${n} peers, not ${out.peers}`;
  },
  summarize: (out) => ({
    confidence: out.recommendations.length ? Math.max(...out.recommendations.map((r) => r.confidence)) : 0,
    explanation:
      out.peers < MIN_PEERS
        ? `Only ${out.peers} similar ${out.peers === 1 ? 'person' : 'people'} found; at least ${MIN_PEERS} are needed to recommend a role.`
        : out.recommendations.length === 0
          ? `No role is held by more than ${PEER_SHARE * 100}% of the ${out.peers} similar people.`
          : out.recommendations.map((r) => r.reason).join(' '),
  }),
};
