/**
 * Who the document is about: the person against the mirror with the AI core's entity-resolution
 * engine (same, possibly the same, or new, with the candidates' scores and why), and the
 * organization by fuzzy name against the tree (an existing one with its path, or a new one proposed
 * under the closest parent).
 */
import { jaroWinkler } from '@skyra/jaro-winkler';
import type {
  OrganizationNode,
  OrganizationResolution,
  PersonCandidate,
  PersonResolution,
} from '../../src-preload/contract';
import { buildIndex, matchOne } from '../ai/resolve';
import { mirrorPersonRecord, type MirrorPersonFields } from '../ai/resolve/mirror-records';
import type { Explanation, ResolveRecord } from '../ai/resolve/types';

export type Fields = Record<string, string>;

const COMPARED: [keyof Fields & string, keyof MirrorPersonFields][] = [
  ['firstName', 'firstName'],
  ['lastName', 'lastName'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['title', 'title'],
  ['organization', 'organization'],
  ['department', 'department'],
];

function differences(fields: Fields, p: MirrorPersonFields): PersonCandidate['differences'] {
  const norm = (s: string | null | undefined) => (s ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  return COMPARED.filter(([f, m]) => fields[f] && norm(fields[f]) !== norm(p[m] as string | null)).map(([f, m]) => ({
    field: f,
    document: fields[f]!,
    mirror: String(p[m] ?? ''),
  }));
}

function reasonsOf(why: Explanation): string[] {
  const fields = [...why.fields].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, 6);
  const list = fields.map(
    (f) =>
      `${f.field.replace(/_/g, ' ')}: ${f.level.replace(/_/g, ' ')} (${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(1)})`,
  );
  return why.capped ? [...list, why.capped] : list;
}

export function documentRecord(fields: Fields): ResolveRecord {
  return mirrorPersonRecord({
    id: 0,
    firstName: fields.firstName ?? '',
    lastName: fields.lastName ?? '',
    email: fields.email ?? '',
    phone: fields.phone ?? null,
    title: fields.title ?? null,
    organization: fields.organization ?? null,
    department: fields.department ?? null,
  });
}

/** The person: 'same' links, 'possible' leaves the choice to the administrator, 'new' creates. */
export function resolvePerson(fields: Fields, people: MirrorPersonFields[]): Omit<PersonResolution, 'suggestionId'> {
  if (people.length === 0)
    return {
      outcome: 'new',
      personId: null,
      candidates: [],
      explanation: 'The mirror holds no people yet: a new person.',
    };
  const byId = new Map(people.map((p) => [String(p.id), p]));
  const index = buildIndex(people.map(mirrorPersonRecord), { trainingSample: 4000 });
  const match = matchOne(documentRecord(fields), index, { limit: 5 });
  const email = (fields.email ?? '').trim().toLowerCase();
  const candidates: PersonCandidate[] = match.candidates
    .filter((c) => c.outcome !== 'new' || (email && byId.get(c.id)?.email.toLowerCase() === email))
    .map((c) => {
      const p = byId.get(c.id)!;
      const reasons = reasonsOf(c.why);
      if (email && p.email.toLowerCase() === email) reasons.unshift('the same e-mail address');
      return {
        personId: p.id,
        name: `${p.firstName} ${p.lastName}`.trim(),
        email: p.email,
        organization: p.organization,
        title: p.title,
        score: Math.round(c.probability * 1000) / 1000,
        reasons,
        differences: differences(fields, p),
      };
    });
  const best = match.candidates[0];
  // An identical e-mail in the mirror is the same account whatever the rest says: SmartSimple keys on it.
  const sameEmail = candidates.find((c) => email && c.email.toLowerCase() === email);
  if (sameEmail || best?.outcome === 'same') {
    const chosen = sameEmail ?? candidates[0]!;
    return {
      outcome: 'same',
      personId: chosen.personId,
      candidates,
      explanation: `${chosen.name} (${chosen.email}) is the same person (${Math.round(chosen.score * 100)}%): ${chosen.reasons.slice(0, 2).join('; ') || 'the engine scores them as one'}.`,
    };
  }
  if (best?.outcome === 'review' && candidates.length > 0)
    return {
      outcome: 'possible',
      personId: null,
      candidates,
      explanation: `${candidates.length} ${candidates.length === 1 ? 'person looks' : 'people look'} similar; pick the same person, or keep it new.`,
    };
  return {
    outcome: 'new',
    personId: null,
    candidates: [],
    explanation: 'No one in the mirror looks like this person: a new person.',
  };
}

interface Flat {
  node: OrganizationNode;
  path: string[];
}
function flatten(nodes: OrganizationNode[], path: string[] = [], out: Flat[] = []): Flat[] {
  for (const n of nodes) {
    if (n.removed) continue;
    const p = [...path, n.name];
    out.push({ node: n, path: p });
    flatten(n.children, p, out);
  }
  return out;
}

const normOrg = (s: string) =>
  s
    .toLowerCase()
    .replace(/\b(the|inc|ltd|llc|corp|corporation|limited|co)\b\.?/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export const ORG_MATCH = 0.9;

/** The organization: the best fuzzy name match in the tree, or a new one under the closest parent. */
export function resolveOrganization(
  name: string | undefined,
  tree: OrganizationNode[],
  department?: string,
): OrganizationResolution {
  const none = { organizationId: null, path: [], score: 0, proposedParent: null, isExternal: null };
  if (!name?.trim())
    return { ...none, outcome: 'none', name: null, explanation: 'The document names no organization.' };
  const flat = flatten(tree);
  const target = normOrg(name);
  const scored = flat
    .map((f) => ({ ...f, score: target === normOrg(f.node.name) ? 1 : jaroWinkler(target, normOrg(f.node.name)) }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (best && best.score >= ORG_MATCH)
    return {
      outcome: 'existing',
      organizationId: best.node.id,
      name: best.node.name,
      path: best.path,
      score: Math.round(best.score * 1000) / 1000,
      proposedParent: null,
      isExternal: best.node.isExternal,
      explanation: `"${name}" is ${best.path.join(' › ')} (${Math.round(best.score * 100)}% alike).`,
    };
  // A new one: under a department-like match if the document names one, else the root; external
  // when it is not part of the root's own tree (most intake letters come from partner organizations).
  const root = tree.find((n) => !n.removed) ?? null;
  const parent = department
    ? scored.find((s) => jaroWinkler(normOrg(department), normOrg(s.node.name)) >= ORG_MATCH)
    : undefined;
  const under = parent?.node ?? root;
  return {
    outcome: 'new',
    organizationId: null,
    name: name.trim(),
    path: [],
    score: best ? Math.round(best.score * 1000) / 1000 : 0,
    proposedParent: under ? { id: under.id, name: under.name, isExternal: under.isExternal } : null,
    isExternal: under ? under.id === root?.id || under.isExternal : true,
    explanation:
      `No organization in the tree is close to "${name}"` +
      (best ? ` (the closest, ${best.node.name}, is ${Math.round(best.score * 100)}% alike)` : '') +
      `: a new external organization under ${under?.name ?? 'the root'}, to be created in SmartSimple before the person.`,
  };
}
