/** Onboarding: the queue of dropped documents and their proposals, the administrator's decisions, the plan; the samples. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

type Names = Extract<keyof Handlers, `onboarding:${string}`>;

export function onboardingHandlers(s: Services): Pick<Handlers, Names> {
  return {
    'onboarding:add': ({ base64, ...input }) => s.onboarding.add({ ...input, bytes: Buffer.from(base64, 'base64') }),
    'onboarding:propose': ({ instanceId, document, batchId }) => s.onboarding.propose(instanceId, document, batchId),
    'onboarding:list': ({ instanceId, states }) => s.onboarding.list(instanceId, states),
    'onboarding:get': ({ proposalId }) => s.onboarding.get(proposalId),
    'onboarding:document': ({ documentId }) => s.onboarding.document(documentId),
    'onboarding:page': (input) => s.onboarding.page(input),
    'onboarding:decide': (input) => s.onboarding.decide(input),
    'onboarding:createPlan': ({ proposalId }) => s.onboarding.createPlan(proposalId),
    'onboarding:dismiss': ({ proposalId, reason }) => s.onboarding.dismiss(proposalId, reason),
    'onboarding:reopen': ({ proposalId }) => s.onboarding.reopen(proposalId),
    'onboarding:samples': () => s.onboarding.samples(),
    'onboarding:sample': ({ name }) => s.onboarding.sample(name),
  };
}
