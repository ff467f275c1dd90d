/** Onboarding: a document's fields to a proposal, the administrator's decisions, the plan; the samples. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

type Names =
  | 'onboarding:propose'
  | 'onboarding:get'
  | 'onboarding:decide'
  | 'onboarding:createPlan'
  | 'onboarding:samples'
  | 'onboarding:sample';

export function onboardingHandlers(s: Services): Pick<Handlers, Names> {
  return {
    'onboarding:propose': ({ instanceId, document }) => s.onboarding.propose(instanceId, document),
    'onboarding:get': ({ proposalId }) => s.onboarding.get(proposalId),
    'onboarding:decide': (input) => s.onboarding.decide(input),
    'onboarding:createPlan': ({ proposalId }) => s.onboarding.createPlan(proposalId),
    'onboarding:samples': () => s.onboarding.samples(),
    'onboarding:sample': ({ name }) => s.onboarding.sample(name),
  };
}
