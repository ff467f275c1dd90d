/** The local audit trail: read, verify the hash chain, export as JSON lines for an auditor. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

export function auditHandlers(
  s: Services,
): Pick<Handlers, 'audit:trail' | 'audit:list' | 'audit:verify' | 'audit:export'> {
  return {
    'audit:trail': (query) => s.audit.trail(query),
    'audit:list': (query) => s.audit.list(query),
    'audit:verify': () => s.audit.verify(),
    'audit:export': ({ instanceId }) => s.audit.export(instanceId),
  };
}
