/**
 * Jump to: the people, roles, programs, organizations and plans of an instance that a few typed
 * characters name (by name, e-mail or id), best first. It reads through the mirror and plans
 * services and owns no SQL.
 */
import type { JumpKind, JumpTarget, OrganizationNode } from '../../src-preload/contract';
import type { MirrorService } from '../mirror/mirror-service';
import type { PlansService } from '../plans/plans-service';
import { AppError } from '../errors/app-error';
import { formatNumber, matchScore } from './match-score';

export interface JumpService {
  /** The best matches of each kind for `query`, exact ids and names first. */
  find(instanceId: string, query: string): JumpTarget[];
}

export interface JumpServiceDeps {
  mirror: MirrorService;
  plans: Pick<PlansService, 'list'>;
}

/** How many of each kind, at most: enough to pick from, few enough to read. */
const LIMITS: Record<JumpKind, number> = { person: 6, role: 4, program: 4, organization: 4, plan: 4 };
const KIND_ORDER: readonly JumpKind[] = ['person', 'role', 'program', 'organization', 'plan'];

interface Scored extends JumpTarget {
  score: number;
}

function best(found: Scored[], kind: JumpKind): Scored[] {
  return found.sort((a, b) => a.score - b.score || a.label.localeCompare(b.label)).slice(0, LIMITS[kind]);
}

/** Scores a record on its name and its id; null when neither matches. */
function scoreOf(query: string, name: string, id: string | number): number | null {
  if (String(id) === query) return 0;
  return matchScore(name, query);
}

type Finder = (deps: JumpServiceDeps, instanceId: string, q: string) => Scored[];

const findPeople: Finder = ({ mirror }, instanceId, q) => {
  const rows = mirror.searchPeople(instanceId, { query: q, limit: LIMITS.person }).rows;
  const byId = /^\d{1,15}$/.test(q) ? personById(mirror, instanceId, Number(q)) : [];
  const seen = new Set<number>();
  return [...byId, ...rows]
    .filter((p) => !seen.has(p.id) && seen.add(p.id))
    .map((p) => {
      const label = `${p.firstName} ${p.lastName}`.trim() || p.email;
      const exact = String(p.id) === q || p.email.toLowerCase() === q.toLowerCase();
      const detail = [p.email, p.organization, p.removed ? 'removed' : null].filter(Boolean).join(' · ');
      return {
        kind: 'person',
        id: String(p.id),
        label,
        detail,
        path: `/people/${p.id}`,
        score: exact ? 0 : (matchScore(label, q) ?? 3),
      };
    });
};

/**
 * Records of one kind found by name or id: `facts` tell two of the same name apart; `route` is
 * where the kind's pages live.
 */
function byNameOrId<T extends { id: number; name: string }>(
  kind: 'role' | 'program' | 'organization',
  route: string,
  records: T[],
  q: string,
  facts: (r: T) => (string | null)[],
): Scored[] {
  return records.flatMap((r) => {
    const score = scoreOf(q, r.name, r.id);
    if (score === null) return [];
    const detail = facts(r).filter(Boolean).join(' · ');
    return [{ kind, id: String(r.id), label: r.name, detail, path: `${route}/${r.id}`, score }];
  });
}

const findRoles: Finder = ({ mirror }, instanceId, q) =>
  byNameOrId('role', '/roles', mirror.listRoles(instanceId), q, (r) => [
    `${formatNumber(r.holders)} holders`,
    r.privileged ? 'privileged' : null,
    r.utaOnly ? 'program roles only' : null,
  ]);

const findPrograms: Finder = ({ mirror }, instanceId, q) =>
  byNameOrId('program', '/programs', mirror.listPrograms(instanceId), q, (p) => [
    p.status,
    `${formatNumber(p.people)} people assigned`,
  ]);

const findOrganizations: Finder = ({ mirror }, instanceId, q) =>
  byNameOrId('organization', '/organizations', flatten(mirror.organizationsTree(instanceId)), q, (o) => [
    o.isExternal ? 'external' : 'internal',
    `${formatNumber(o.totalPeople)} people`,
  ]);

/** A plan by its title, or by the start of its id (four characters at least: ids are long). */
const findPlans: Finder = ({ plans }, instanceId, q) =>
  plans.list(instanceId).flatMap((p) => {
    const score = q.length >= 4 && p.id.toLowerCase().startsWith(q.toLowerCase()) ? 0 : matchScore(p.title, q);
    if (score === null) return [];
    const detail = `${p.state.replace(/_/g, ' ')} · ${formatNumber(p.operations)} operations · by ${p.createdBy}`;
    return [{ kind: 'plan', id: p.id, label: p.title, detail, path: `/plans?plan=${encodeURIComponent(p.id)}`, score }];
  });

const FINDERS: Record<JumpKind, Finder> = {
  person: findPeople,
  role: findRoles,
  program: findPrograms,
  organization: findOrganizations,
  plan: findPlans,
};

export function createJumpService(deps: JumpServiceDeps): JumpService {
  return {
    find(instanceId, query) {
      const q = query.trim();
      const found = KIND_ORDER.flatMap((kind) => best(FINDERS[kind](deps, instanceId, q), kind));
      // Exact hits of any kind first, then the kinds in their order (the sort is stable).
      return found
        .sort((a, b) => Number(a.score > 0) - Number(b.score > 0))
        .map(({ score: _score, ...target }) => target);
    },
  };
}

function personById(mirror: MirrorService, instanceId: string, id: number) {
  try {
    return [mirror.getPerson(instanceId, id)];
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return [];
    throw e;
  }
}

function flatten(nodes: OrganizationNode[]): OrganizationNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}
