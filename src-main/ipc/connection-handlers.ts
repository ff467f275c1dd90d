import type { Services } from './services';
import type { Handlers } from './dispatch';

export function connectionHandlers(
  s: Services,
): Pick<Handlers, 'vault:status' | 'connections:get' | 'connections:save' | 'connections:test' | 'sandbox:explore'> {
  return {
    'vault:status': () => s.vault.status(),
    'connections:get': ({ instanceId }) => s.connections.details(instanceId),
    'connections:save': (input) => s.connections.save(input),
    'connections:test': ({ instanceId }) => s.connections.test(instanceId),
    'sandbox:explore': () => s.connections.exploreSandbox(),
  };
}
