/**
 * A selection, filter or named bulk action tried on the plan it would go into (or a throwaway
 * one) and rolled back: the changes it would make, counted, and the people it would leave out
 * with the reason. What an action's dialog says before the administrator confirms it.
 */
import type { BuildPreview, ParsedInputOf } from '../../../src-preload/contract';
import { summarizeChanges } from '../change-summary';
import { getPlan } from '../plans';
import { loadCatalogue } from '../planning-context';
import { getMirrorPeople } from '../store/mirror-reads';
import { previewPlan, rolledBack, runBuild } from './builds';
import { instanceOfPlan, type PlansServiceDeps } from './deps';

/** Left-out people named in the answer; the count says how many there are in all. */
const REJECTED_SHOWN = 20;

export function previewPlanBuild(deps: PlansServiceDeps, input: ParsedInputOf<'plans:previewBuild'>): BuildPreview {
  const instanceId = input.planId
    ? instanceOfPlan(deps, input.planId, input.instanceId)
    : deps.instances.get(input.instanceId).id;
  return rolledBack(deps, () => {
    const planId = input.planId ?? previewPlan(deps, instanceId, 'Preview');
    const prior = new Set(getPlan(deps.db, planId).operations.map((o) => o.id));
    const result = runBuild(deps, input.build, { planId, actor: deps.administrator(instanceId), instanceId });
    const added = result.plan.operations.filter((o) => !prior.has(o.id));
    const shown = result.rejected.slice(0, REJECTED_SHOWN);
    const people = getMirrorPeople(
      deps.db,
      instanceId,
      shown.map((r) => r.personId),
    );
    const nameOf = (id: number) => {
      const f = people.get(id)?.fields;
      return `${f?.['sf_First Name'] ?? ''} ${f?.['sf_Last Name'] ?? ''}`.trim() || `Person ${id}`;
    };
    return {
      selected: result.selected,
      added: added.length,
      changes: summarizeChanges(added, loadCatalogue(deps.db, instanceId)),
      rejectedCount: result.rejected.length,
      rejected: shown.map((r) => ({ ...r, name: nameOf(r.personId) })),
    };
  });
}
