/**
 * The organization a document names, against the mirror's tree: an existing one (fuzzy name, with
 * its path), or a new one proposed under the right parent on the right side.
 *
 * A new one's place, in this order:
 * 1. under an existing organization whose whole name starts the new one ("Riverside Arts Council -
 *    Eastside Chapter" under "Riverside Arts Council"), on that organization's side;
 * 2. internal when the person's e-mail domain is the one most of the internal people use (staff),
 *    under the department the document names when the tree has it, else under the root;
 * 3. external otherwise, under the parent most external organizations have (usually the root).
 * The e-mail domain also finds existing organizations whose people write from it: they are
 * offered as candidates beside the fuzzy name matches, so the administrator can choose one.
 */
import { jaroWinkler } from '@skyra/jaro-winkler';
import type {
  OrganizationCandidate,
  OrganizationChoice,
  OrganizationNode,
  OrganizationResolution,
} from '../../src-preload/contract';
import { validation } from '../errors/app-error';
import type { DomainCount } from './store';

interface Flat {
  node: OrganizationNode;
  path: string[];
  parent: OrganizationNode | null;
}
function flatten(nodes: OrganizationNode[], path: string[] = [], parent: OrganizationNode | null = null): Flat[] {
  const out: Flat[] = [];
  for (const n of nodes) {
    if (n.removed) continue;
    const p = [...path, n.name];
    out.push({ node: n, path: p, parent });
    out.push(...flatten(n.children, p, n));
  }
  return out;
}

export const normOrg = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\b(the|inc|ltd|llc|corp|corporation|limited|co)\b\.?/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export const ORG_MATCH = 0.9;
const CANDIDATE = 0.8;

const nameScore = (a: string, b: string) => {
  const x = normOrg(a);
  const y = normOrg(b);
  return !x || !y ? 0 : x === y ? 1 : jaroWinkler(x, y);
};
const domainOf = (email: string | undefined) => (email?.split('@')[1] ?? '').trim().toLowerCase();

export interface OrganizationInput {
  name?: string | undefined;
  department?: string | undefined;
  email?: string | undefined;
}

export interface TreeFacts {
  tree: OrganizationNode[];
  /** E-mail domains of the people in each organization. */
  domains: DomainCount[];
}

const none = { organizationId: null, path: [], score: 0, proposedParent: null, isExternal: null, create: false };
const pct = (n: number) => `${Math.round(n * 100)}%`;

/** The organization as the engine sees it. */
export function resolveOrganization(input: OrganizationInput, facts: TreeFacts): OrganizationResolution {
  const flat = flatten(facts.tree);
  const name = input.name?.trim() ?? '';
  const candidates = organizationCandidates(name, domainOf(input.email), flat, facts.domains);
  if (!name)
    return {
      ...none,
      outcome: 'none',
      name: null,
      candidates,
      explanation: candidates.length
        ? `The document names no organization; ${candidates[0]!.name} is likely (${candidates[0]!.why}).`
        : 'The document names no organization: choose one.',
      decidedBy: 'engine',
      suggestionId: null,
    };
  const best = flat.map((f) => ({ f, score: nameScore(name, f.node.name) })).sort((a, b) => b.score - a.score)[0];
  if (best && best.score >= ORG_MATCH)
    return {
      outcome: 'existing',
      organizationId: best.f.node.id,
      name: best.f.node.name,
      path: best.f.path,
      score: round(best.score),
      proposedParent: null,
      isExternal: best.f.node.isExternal,
      create: false,
      candidates: candidates.filter((c) => c.organizationId !== best.f.node.id),
      explanation: `"${name}" is ${best.f.path.join(' › ')} (${pct(best.score)} alike).`,
      decidedBy: 'engine',
      suggestionId: null,
    };
  const place = placeNew(name, input, flat, facts);
  return {
    outcome: 'new',
    organizationId: null,
    name,
    path: [],
    score: best ? round(best.score) : 0,
    proposedParent: place.parent,
    isExternal: place.isExternal,
    create: place.parent !== null,
    candidates,
    explanation:
      `No organization in the tree is close to "${name}"` +
      (best ? ` (the closest, ${best.f.node.name}, is ${pct(best.score)} alike)` : '') +
      `: a new ${place.isExternal ? 'external' : 'internal'} organization ${place.why}, created in the plan before the person.`,
    decidedBy: 'engine',
    suggestionId: null,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function organizationCandidates(
  name: string,
  domain: string,
  flat: Flat[],
  domains: DomainCount[],
): OrganizationCandidate[] {
  const byId = new Map(flat.map((f) => [f.node.id, f]));
  const out = new Map<number, OrganizationCandidate>();
  const put = (f: Flat, score: number, why: string) => {
    const had = out.get(f.node.id);
    if (had && had.score >= score) return;
    out.set(f.node.id, {
      organizationId: f.node.id,
      name: f.node.name,
      path: f.path,
      isExternal: f.node.isExternal,
      score: round(score),
      why,
    });
  };
  if (name)
    for (const f of flat) {
      const s = nameScore(name, f.node.name);
      if (s >= CANDIDATE) put(f, s, `${pct(s)} alike by name`);
    }
  // A domain many organizations share (a webmail) says nothing; one most of whose users sit in
  // one organization does.
  const withDomain = domain ? domains.filter((d) => d.domain === domain) : [];
  const total = withDomain.reduce((n, d) => n + d.people, 0);
  for (const d of withDomain) {
    const f = byId.get(d.organizationId);
    if (f && total >= 2 && d.people / total >= 0.6)
      put(f, 0.5 + 0.4 * (d.people / total), `${d.people} of its people write from @${domain}`);
  }
  return [...out.values()].sort((a, b) => b.score - a.score).slice(0, 5);
}

/** Where a new organization goes (see the file's comment), and why there. */
function placeNew(
  name: string,
  input: OrganizationInput,
  flat: Flat[],
  facts: TreeFacts,
): { parent: OrganizationResolution['proposedParent']; isExternal: boolean; why: string } {
  const root = flat.find((f) => f.parent === null) ?? null;
  const at = (f: Flat | null | undefined) =>
    f ? { id: f.node.id, name: f.node.name, isExternal: f.node.isExternal, path: f.path } : null;
  const target = normOrg(name);
  const prefix = flat
    .filter((f) => f !== root && normOrg(f.node.name).length >= 4 && target.startsWith(`${normOrg(f.node.name)} `))
    .sort((a, b) => b.node.name.length - a.node.name.length)[0];
  if (prefix)
    return {
      parent: at(prefix),
      isExternal: prefix.node.isExternal,
      why: `under ${prefix.node.name}, whose name it extends`,
    };
  const internalIds = new Set(flat.filter((f) => !f.node.isExternal).map((f) => f.node.id));
  const counts = new Map<string, number>();
  for (const d of facts.domains)
    if (internalIds.has(d.organizationId)) counts.set(d.domain, (counts.get(d.domain) ?? 0) + d.people);
  const staffDomain = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const domain = domainOf(input.email);
  if (domain && domain === staffDomain) {
    const dept = input.department
      ? flat
          .filter((f) => !f.node.isExternal && f !== root)
          .map((f) => ({ f, s: nameScore(input.department!, f.node.name) }))
          .filter((x) => x.s >= ORG_MATCH)
          .sort((a, b) => b.s - a.s)[0]?.f
      : undefined;
    const parent = dept ?? root;
    return {
      parent: at(parent),
      isExternal: false,
      why: `under ${parent?.node.name ?? 'the root'} (the e-mail @${domain} is the staff's)`,
    };
  }
  const parents = new Map<number, number>();
  for (const f of flat)
    if (f.node.isExternal && f.parent && !f.parent.isExternal)
      parents.set(f.parent.id, (parents.get(f.parent.id) ?? 0) + 1);
  const commonId = [...parents].sort((a, b) => b[1] - a[1])[0]?.[0];
  const parent = flat.find((f) => f.node.id === commonId) ?? root;
  return {
    parent: at(parent),
    isExternal: true,
    why: `under ${parent?.node.name ?? 'the root'}, where the external organizations are${domain ? ` (the e-mail @${domain} is not the staff's)` : ''}`,
  };
}

/** The administrator's choice: an existing organization, or a new one under a parent they pick. */
export function chooseOrganization(
  current: OrganizationResolution,
  choice: OrganizationChoice,
  tree: OrganizationNode[],
): OrganizationResolution {
  const flat = flatten(tree);
  if (choice.kind === 'existing') {
    const f = flat.find((x) => x.node.id === choice.organizationId);
    if (!f) throw validation('That organization is not in the mirror (removed, or not synced yet).');
    return {
      ...current,
      outcome: 'existing',
      organizationId: f.node.id,
      name: f.node.name,
      path: f.path,
      proposedParent: null,
      isExternal: f.node.isExternal,
      create: false,
      explanation: `The administrator chose ${f.path.join(' › ')}.`,
      decidedBy: 'administrator',
    };
  }
  const parent = flat.find((x) => x.node.id === choice.parentId);
  if (!parent) throw validation('The parent organization is not in the mirror (removed, or not synced yet).');
  if (parent.parent !== null && parent.node.isExternal !== choice.isExternal)
    throw validation(
      `${parent.node.name} is ${parent.node.isExternal ? 'external' : 'internal'}: an organization under it is ${parent.node.isExternal ? 'external' : 'internal'} too.`,
    );
  if (parent.node.children.some((c) => !c.removed && normOrg(c.name) === normOrg(choice.name)))
    throw validation(`${parent.node.name} already has ${choice.name}: choose it as an existing organization.`);
  return {
    ...current,
    outcome: 'new',
    organizationId: null,
    name: choice.name.trim(),
    path: [],
    proposedParent: {
      id: parent.node.id,
      name: parent.node.name,
      isExternal: parent.node.isExternal,
      path: parent.path,
    },
    isExternal: choice.isExternal,
    create: true,
    explanation: `The administrator creates ${choice.isExternal ? 'external' : 'internal'} organization ${choice.name.trim()} under ${parent.path.join(' › ')}.`,
    decidedBy: 'administrator',
  };
}
