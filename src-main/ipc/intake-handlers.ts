/** Intake: a dropped document read into fields, and the custom field mappings. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

export function intakeHandlers(s: Services): Pick<Handlers, 'intake:read' | 'intake:mappings' | 'intake:setMappings'> {
  return {
    'intake:read': ({ name, base64 }) => s.intake.read({ name, bytes: Buffer.from(base64, 'base64') }),
    'intake:mappings': () => s.intake.mappings(),
    'intake:setMappings': ({ mappings }) => s.intake.setMappings(mappings),
  };
}
