/** The help desk: the troubleshooter, its fix and reset plans, tickets, the knowledge base. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

type HelpdeskChannel =
  | 'helpdesk:diagnose'
  | 'helpdesk:outcome'
  | 'helpdesk:history'
  | 'helpdesk:createFixPlan'
  | 'helpdesk:reset'
  | 'helpdesk:ticket'
  | 'helpdesk:search'
  | 'helpdesk:answer';

export function helpdeskHandlers(s: Services): Pick<Handlers, HelpdeskChannel> {
  return {
    'helpdesk:diagnose': (input) => s.helpdesk.diagnose(input),
    'helpdesk:outcome': ({ instanceId, outcomeId }) => s.helpdesk.outcome(instanceId, outcomeId),
    'helpdesk:history': ({ instanceId, personId, limit }) => s.helpdesk.history(instanceId, personId, limit),
    'helpdesk:createFixPlan': ({ instanceId, outcomeId, expiryDays }) =>
      s.helpdesk.createFixPlan(instanceId, outcomeId, expiryDays),
    'helpdesk:reset': ({ instanceId, personId, kind, days }) => s.helpdesk.reset(instanceId, personId, kind, days),
    'helpdesk:ticket': ({ instanceId, outcomeId }) => s.helpdesk.ticket(instanceId, outcomeId),
    'helpdesk:search': ({ instanceId, query, limit }) => s.helpdesk.search(instanceId, query, limit),
    'helpdesk:answer': ({ instanceId, question }) => s.helpdesk.answer(instanceId, question),
  };
}
