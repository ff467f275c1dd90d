/**
 * Builders behind the plans service: each runs on the plan named, or on a new plan made in the
 * same transaction as its operations, so a refused build leaves no empty plan behind.
 */
import type { ParsedInputOf } from '../../../src-preload/contract';
import { validation } from '../../errors/app-error';
import { buildFromCsv, type CsvBuildResult } from '../builders/csv';
import type { CsvPreviewResult } from '../../../src-preload/contract';
import {
  buildFromSelection,
  deactivateOrganization,
  grantRoleToDepartment,
  removeRoleFromDormant,
  type BuildResult,
} from '../builders/filters';
import { createPlan, getPlan } from '../plans';
import type { PlanOrigin } from '../types';
import { instanceOfPlan, type PlansServiceDeps } from './deps';

/** A generic filter may select at most this many people (a plan of more is a bench, not a click). */
const MAX_FILTER_PEOPLE = 10_000;

interface Target {
  planId?: string | undefined;
  instanceId?: string | undefined;
  title?: string | undefined;
}

type Build<R> = (planId: string, actor: string, instanceId: string) => R;

/** Runs `build` on `target.planId`, or on a new plan; a new plan that would stay empty is not kept. */
function intoPlan<R extends { added: number }>(
  deps: PlansServiceDeps,
  target: Target,
  defaults: { title: string; origin: PlanOrigin },
  build: Build<R>,
): R {
  if (target.planId) {
    const instanceId = instanceOfPlan(deps, target.planId, target.instanceId);
    return build(target.planId, deps.administrator(instanceId), instanceId);
  }
  if (!target.instanceId)
    throw validation('Name the plan to add to (planId), or the instance for a new plan (instanceId).');
  const instanceId = deps.instances.get(target.instanceId).id;
  const actor = deps.administrator(instanceId);
  return deps.db.transaction(() => {
    const { plan } = createPlan(deps.db, {
      instanceId,
      title: target.title ?? defaults.title,
      origin: defaults.origin,
      createdBy: actor,
    });
    const result = build(plan.id, actor, instanceId);
    if (result.added === 0) throw validation(emptyBuildMessage(result), rowsOf(result));
    return result;
  })();
}

/** The details carry the rows a CSV did not match, so the screen can still show them. */
function rowsOf(r: object) {
  const x = r as { rejected?: unknown; unmatched?: unknown; problems?: unknown };
  return { rejected: x.rejected, unmatched: x.unmatched, problems: x.problems };
}

function emptyBuildMessage(r: {
  added: number;
  rejected?: { message: string }[];
  problems?: { message: string }[];
  unmatched?: unknown[];
  selected?: number;
}): string {
  const first = r.rejected?.[0]?.message ?? r.problems?.[0]?.message;
  if (r.selected === 0) return 'No one matches: nobody would change, so no plan was made.';
  if (r.unmatched && r.unmatched.length > 0 && !first)
    return 'No row of the CSV matched a person in the mirror: no plan was made.';
  return `Nothing to change, so no plan was made${first ? `: ${first}` : '.'}`;
}

const FILTER_TITLES = {
  grantRoleToDepartment: 'Grant a role to a department',
  removeRoleFromDormant: 'Remove a role from dormant holders',
  deactivateOrganization: 'Deactivate an organization',
  filter: 'Change people by filter',
} as const;

/** A named bulk action, a filter or a selection, as the builders and the preview take it. */
export type BuildSpec = ParsedInputOf<'plans:previewBuild'>['build'];

/** Runs one build on a plan that exists. */
export function runBuild(
  deps: PlansServiceDeps,
  build: BuildSpec,
  target: { planId: string; actor: string; instanceId: string },
): BuildResult {
  const { db } = deps;
  const { planId, actor, instanceId } = target;
  switch (build.kind) {
    case 'grantRoleToDepartment':
      return grantRoleToDepartment(db, { planId, actor, roleId: build.roleId, department: build.department });
    case 'removeRoleFromDormant':
      return removeRoleFromDormant(db, { planId, actor, roleId: build.roleId, days: build.days });
    case 'deactivateOrganization':
      return deactivateOrganization(db, {
        planId,
        actor,
        organizationId: build.organizationId,
        includeSubOrganizations: build.includeSubOrganizations ?? false,
      });
    case 'filter': {
      const excluded = new Set(build.excludePersonIds ?? []);
      const personIds = deps.mirror
        .selectPeople(instanceId, build.filters, MAX_FILTER_PEOPLE, build.query)
        .filter((id) => !excluded.has(id));
      return buildFromSelection(db, { planId, actor, personIds, action: build.action });
    }
    case 'selection':
      return buildFromSelection(db, { planId, actor, personIds: build.personIds, action: build.action });
  }
}

export function buildPlanFromFilter(
  deps: PlansServiceDeps,
  input: ParsedInputOf<'plans:buildFromFilter'>,
): BuildResult {
  const { build } = input;
  return intoPlan<BuildResult>(
    deps,
    input,
    { title: FILTER_TITLES[build.kind], origin: 'filter' },
    (planId, actor, instanceId) => runBuild(deps, build, { planId, actor, instanceId }),
  );
}

export function buildPlanFromSelection(
  deps: PlansServiceDeps,
  input: ParsedInputOf<'plans:buildFromSelection'>,
): BuildResult {
  return intoPlan<BuildResult>(deps, input, { title: 'Change selected people', origin: 'filter' }, (planId, actor) =>
    buildFromSelection(deps.db, { planId, actor, personIds: input.personIds, action: input.action }),
  );
}

export function buildPlanFromCsv(deps: PlansServiceDeps, input: ParsedInputOf<'plans:buildFromCsv'>): CsvBuildResult {
  return intoPlan(deps, input, { title: `Roles from a CSV (${input.mode})`, origin: 'csv' }, (planId, actor) =>
    buildFromCsv(deps.db, {
      planId,
      actor,
      csv: input.csv,
      mode: input.mode,
      ...(input.roles ? { roles: input.roles } : {}),
    }),
  );
}

/** Thrown to roll a preview's transaction back; never leaves `rolledBack`. */
class PreviewDone extends Error {}

/** Runs `work` in a transaction that is then rolled back: nothing it wrote is kept. */
export function rolledBack<R>(deps: Pick<PlansServiceDeps, 'db'>, work: () => R): R {
  let result: { value: R } | undefined;
  try {
    deps.db.transaction(() => {
      result = { value: work() };
      throw new PreviewDone();
    })();
  } catch (e) {
    if (!(e instanceof PreviewDone)) throw e;
  }
  if (!result) throw new Error('The preview produced no result.');
  return result.value;
}

/**
 * The CSV build on a new plan (or the plan named) inside a transaction that is then rolled back:
 * exactly what Build would add and refuse, and no plan, trail entry or operation is kept.
 */
export function previewPlanFromCsv(deps: PlansServiceDeps, input: ParsedInputOf<'plans:previewCsv'>): CsvPreviewResult {
  let prior = new Set<number>();
  const result: CsvBuildResult = rolledBack(deps, () => {
    const planId = input.planId ?? previewPlan(deps, input.instanceId, 'CSV preview');
    const actor = deps.administrator(instanceOfPlan(deps, planId, input.instanceId));
    prior = new Set(getPlan(deps.db, planId).operations.map((o) => o.id));
    return buildFromCsv(deps.db, {
      planId,
      actor,
      csv: input.csv,
      mode: input.mode,
      ...(input.roles ? { roles: input.roles } : {}),
    });
  });
  const { plan, ...rest } = result;
  const people = new Set(plan.operations.filter((o) => !prior.has(o.id)).map((o) => o.personId)).size;
  return { ...rest, people };
}

/** A throwaway plan for a preview (inside its rolled-back transaction). */
export function previewPlan(deps: PlansServiceDeps, instanceId: string | undefined, title: string): string {
  if (!instanceId) throw validation('Name the plan to add to (planId), or the instance for a new plan (instanceId).');
  const id = deps.instances.get(instanceId).id;
  return createPlan(deps.db, { instanceId: id, title, origin: 'csv', createdBy: deps.administrator(id) }).plan.id;
}
