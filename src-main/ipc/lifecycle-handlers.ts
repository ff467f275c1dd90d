/** Bulk change planning: describe a change, preview an edited one, make it a draft plan; consequences of a plan. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

type LifecycleChannel = 'lifecycle:describe' | 'lifecycle:preview' | 'lifecycle:createPlan' | 'lifecycle:consequences';

export function lifecycleHandlers(s: Services): Pick<Handlers, LifecycleChannel> {
  return {
    'lifecycle:describe': ({ instanceId, sentence, now }) => s.lifecycle.describe(instanceId, sentence, now),
    'lifecycle:preview': (input) => s.lifecycle.preview(input),
    'lifecycle:createPlan': (input) => s.lifecycle.createPlan(input),
    'lifecycle:consequences': ({ planId }) => s.lifecycle.consequences(planId),
  };
}
