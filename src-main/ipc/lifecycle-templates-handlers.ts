import type { Services } from './services';
import type { Handlers } from './dispatch';

export function lifecycleTemplatesHandlers(
  s: Services,
): Pick<
  Handlers,
  | 'lifecycle:rosterRead'
  | 'lifecycle:rosterPlan'
  | 'lifecycle:mover'
  | 'lifecycle:moverPlan'
  | 'lifecycle:offboard'
  | 'lifecycle:offboardPlan'
  | 'lifecycle:templateReasons'
> {
  return {
    'lifecycle:rosterRead': (input) => s.lifecycleTemplates.readRoster(input),
    'lifecycle:rosterPlan': (input) => s.lifecycleTemplates.planRoster(input),
    'lifecycle:mover': (input) => s.lifecycleTemplates.mover(input),
    'lifecycle:moverPlan': (input) => s.lifecycleTemplates.planMover(input),
    'lifecycle:offboard': (input) => s.lifecycleTemplates.offboard(input),
    'lifecycle:offboardPlan': (input) => s.lifecycleTemplates.planOffboard(input),
    'lifecycle:templateReasons': ({ planId }) => s.lifecycleTemplates.reasons(planId),
  };
}
