/**
 * Plans through the channels: build, review, edit, approve, export/import. Apply, results and
 * undo live in plan-apply-handlers.ts. The actor is always `localAdministrator` (never an input),
 * and every builder that makes a new plan does it in the same transaction as its operations, so
 * a refused build leaves no empty plan behind.
 */
import type { OperationInput, PlanOrigin } from '../plans';
import {
  addOperations,
  approveOperations,
  approvePlan,
  buildFromCsv,
  buildFromSelection,
  createPlan,
  deactivateOrganization,
  discardPlan,
  editOperation,
  exportPlanCsv,
  exportPlanJson,
  getPlan,
  grantRoleToDepartment,
  importPlanApprovals,
  listPlans,
  removeOperations,
  removeRoleFromDormant,
  reviewPlan,
  revokeApprovals,
  submitForReview,
  operationInputSchema,
  type BuildResult,
} from '../plans';
import { appendAudit } from '../audit-trail';
import { getInstance } from '../instances/instances-store';
import { searchPeople, type PeopleFilters } from '../mirror/people-store';
import { notFound, validation } from '../errors/app-error';
import type { Services } from '../backend/services';
import type { Handlers } from './dispatch';
import { localAdministrator } from './local-admin';
import { applyHandlers, createApplyRegistry } from './plan-apply-handlers';

type PlanChannels =
  | 'plans:list'
  | 'plans:get'
  | 'plans:create'
  | 'plans:buildFromFilter'
  | 'plans:buildFromSelection'
  | 'plans:buildFromCsv'
  | 'plans:addOperation'
  | 'plans:editOperation'
  | 'plans:removeOperations'
  | 'plans:discard'
  | 'plans:submit'
  | 'plans:approve'
  | 'plans:revoke'
  | 'plans:export'
  | 'plans:import'
  | 'plans:apply'
  | 'plans:result'
  | 'plans:undo';

/** A generic filter may select at most this many people (a plan of more is a bench, not a click). */
const MAX_FILTER_PEOPLE = 10_000;

interface Target {
  planId?: string | undefined;
  instanceId?: string | undefined;
  title?: string | undefined;
}

export function planHandlers(s: Services): Pick<Handlers, PlanChannels> {
  const applies = createApplyRegistry();

  /** The plan's instance (NOT_FOUND for an unknown plan), checked against the one the caller named. */
  const instanceOf = (planId: string, expected?: string): string => {
    const plan = getPlan(s.db, planId);
    if (expected !== undefined && plan.instanceId !== expected) throw notFound(`Plan ${planId}`);
    return plan.instanceId;
  };
  const actorFor = (planId: string) => localAdministrator(s.db, instanceOf(planId));

  /**
   * Runs a builder on `target.planId`, or on a new plan made in the same transaction. A new plan
   * that would stay empty is not kept: the caller learns why instead.
   */
  const intoPlan = <R extends { added: number }>(
    target: Target,
    defaults: { title: string; origin: PlanOrigin },
    build: (planId: string, actor: string, instanceId: string) => R,
  ): R => {
    if (target.planId) {
      const instanceId = instanceOf(target.planId, target.instanceId);
      return build(target.planId, localAdministrator(s.db, instanceId), instanceId);
    }
    if (!target.instanceId)
      throw validation('Name the plan to add to (planId), or the instance for a new plan (instanceId).');
    const instanceId = getInstance(s.db, target.instanceId).id;
    const actor = localAdministrator(s.db, instanceId);
    return s.db.transaction(() => {
      const { plan } = createPlan(s.db, {
        instanceId,
        title: target.title ?? defaults.title,
        origin: defaults.origin,
        createdBy: actor,
      });
      const result = build(plan.id, actor, instanceId);
      // The details carry the rows a CSV did not match, so the screen can still show them.
      if (result.added === 0)
        throw validation(emptyBuildMessage(result), {
          rejected: (result as { rejected?: unknown }).rejected,
          unmatched: (result as { unmatched?: unknown }).unmatched,
          problems: (result as { problems?: unknown }).problems,
        });
      return result;
    })();
  };

  /** Every person a People filter selects, in pages (the same filter the People screen shows). */
  const selectByFilter = (instanceId: string, filters: PeopleFilters): number[] => {
    const ids: number[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = searchPeople(s.db, instanceId, { filters, limit: 1000, offset });
      if (page.total > MAX_FILTER_PEOPLE)
        throw validation(
          `The filter selects ${page.total} people; a plan from a filter takes at most ${MAX_FILTER_PEOPLE}. Narrow it.`,
        );
      ids.push(...page.rows.map((r) => r.id));
      if (page.rows.length < 1000 || ids.length >= page.total) return ids;
    }
  };

  return {
    'plans:list': ({ instanceId }) => listPlans(s.db, { instanceId: getInstance(s.db, instanceId).id }),

    'plans:get': ({ instanceId, planId }) => {
      const owner = instanceOf(planId, instanceId);
      const budget = s.connections.budgetFor(owner);
      const review = reviewPlan(s.db, planId, { budget });
      const now = Date.now();
      const next = budget.nextSlotAt(now);
      const running = applies.runningFor(planId);
      return {
        ...review,
        budget: {
          limit: budget.limit,
          used: budget.used(now),
          remaining: budget.remaining(now),
          nextSlotAt: next > now ? new Date(next).toISOString() : null,
        },
        approver: localAdministrator(s.db, owner),
        applyJobId: running,
        canResume: review.plan.state === 'applying' && running === null,
        undoPlans: listPlans(s.db, { instanceId: owner })
          .filter((p) => p.undoOf === planId)
          .map((p) => ({ id: p.id, title: p.title, state: p.state })),
      };
    },

    'plans:create': ({ instanceId, title, description }) => {
      const id = getInstance(s.db, instanceId).id;
      return createPlan(s.db, {
        instanceId: id,
        title,
        ...(description !== undefined ? { description } : {}),
        origin: 'manual',
        createdBy: localAdministrator(s.db, id),
      }).plan;
    },

    'plans:buildFromFilter': (input) => {
      const { build } = input;
      const title = {
        grantRoleToDepartment: () => 'Grant a role to a department',
        removeRoleFromDormant: () => 'Remove a role from dormant holders',
        deactivateOrganization: () => 'Deactivate an organization',
        filter: () => 'Change people by filter',
      }[build.kind]();
      return intoPlan<BuildResult>(input, { title, origin: 'filter' }, (planId, actor, instanceId) => {
        switch (build.kind) {
          case 'grantRoleToDepartment':
            return grantRoleToDepartment(s.db, { planId, actor, roleId: build.roleId, department: build.department });
          case 'removeRoleFromDormant':
            return removeRoleFromDormant(s.db, { planId, actor, roleId: build.roleId, days: build.days });
          case 'deactivateOrganization':
            return deactivateOrganization(s.db, {
              planId,
              actor,
              organizationId: build.organizationId,
              includeSubOrganizations: build.includeSubOrganizations ?? false,
            });
          case 'filter':
            return buildFromSelection(s.db, {
              planId,
              actor,
              personIds: selectByFilter(instanceId, build.filters),
              action: build.action as never,
            });
        }
      });
    },

    'plans:buildFromSelection': (input) =>
      intoPlan<BuildResult>(input, { title: 'Change selected people', origin: 'filter' }, (planId, actor) =>
        buildFromSelection(s.db, { planId, actor, personIds: input.personIds, action: input.action as never }),
      ),

    'plans:buildFromCsv': (input) =>
      intoPlan(input, { title: `Roles from a CSV (${input.mode})`, origin: 'csv' }, (planId, actor) =>
        buildFromCsv(s.db, {
          planId,
          actor,
          csv: input.csv,
          mode: input.mode,
          ...(input.roles ? { roles: input.roles } : {}),
        }),
      ),

    'plans:addOperation': ({ planId, operations }) =>
      addOperations(s.db, { planId, actor: actorFor(planId), operations: operations.map(checkOperation) }),

    'plans:editOperation': ({ planId, operationId, operation }) =>
      editOperation(s.db, { planId, operationId, actor: actorFor(planId), operation: checkOperation(operation) }),

    'plans:removeOperations': ({ planId, operationIds }) =>
      removeOperations(s.db, { planId, operationIds, actor: actorFor(planId) }),
    'plans:discard': ({ planId, reason }) =>
      discardPlan(s.db, { planId, actor: actorFor(planId), ...(reason ? { reason } : {}) }),
    'plans:submit': ({ planId }) => submitForReview(s.db, { planId, actor: actorFor(planId) }),

    'plans:approve': ({ planId, operationIds, note }) => {
      const instanceId = instanceOf(planId);
      const approver = localAdministrator(s.db, instanceId);
      // The backend enforces the policy (privileged ones on their own, FORBIDDEN otherwise).
      const plan = operationIds
        ? approveOperations(s.db, { planId, operationIds, approver })
        : approvePlan(s.db, { planId, approver }).plan;
      const needOwnApproval = plan.operations.filter((o) => o.privileged && !o.approval);
      // The backend takes no note; the trail keeps it next to the approval it explains.
      if (note?.trim())
        appendAudit(s.db, {
          actor: approver,
          action: 'plan.approval_note',
          subject: `plan:${planId}`,
          instanceId,
          details: { note: note.trim(), operations: operationIds ?? 'plan' },
        });
      return { plan, needOwnApproval };
    },

    'plans:revoke': ({ planId, operationIds }) =>
      revokeApprovals(s.db, { planId, operationIds, actor: actorFor(planId) }),

    'plans:export': ({ planId, format }) => {
      const actor = actorFor(planId);
      const plan = getPlan(s.db, planId);
      const text = format === 'json' ? exportPlanJson(s.db, { planId, actor }) : exportPlanCsv(s.db, { planId, actor });
      return {
        filename: `plan-${slug(plan.title)}-${plan.id.slice(0, 8)}.${format}`,
        mime: format === 'json' ? 'application/json' : 'text/csv',
        text,
      };
    },

    'plans:import': ({ planId, text }) =>
      // An export is JSON when it opens with a brace; anything else is read as the CSV export.
      importPlanApprovals(s.db, {
        planId,
        content: text,
        format: text.trimStart().startsWith('{') ? 'json' : 'csv',
        importedBy: actorFor(planId),
      }),

    ...applyHandlers(s, applies),
  };
}

/** The contract bounds shapes; the backend's schema knows the vocabulary. Its refusal is VALIDATION. */
function checkOperation(op: unknown): OperationInput {
  const r = operationInputSchema.safeParse(op);
  if (!r.success)
    throw validation(
      `Invalid operation: ${r.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'operation'}: ${i.message}`)
        .join('; ')}`,
    );
  return r.data;
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

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'plan'
  );
}
