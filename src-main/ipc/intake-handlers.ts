/** Intake: a dropped document read into fields and kept, its pages as pictures, and the custom field mappings. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

type IntakeChannels = 'intake:read' | 'intake:document' | 'intake:page' | 'intake:mappings' | 'intake:setMappings';

export function intakeHandlers(s: Services): Pick<Handlers, IntakeChannels> {
  return {
    'intake:read': ({ name, base64 }) => s.intake.read({ name, bytes: Buffer.from(base64, 'base64') }),
    'intake:document': ({ documentId }) => s.intake.document(documentId),
    'intake:page': ({ documentId, page }) => s.intake.page(documentId, page),
    'intake:mappings': () => s.intake.mappings(),
    'intake:setMappings': ({ mappings }) => s.intake.setMappings(mappings),
  };
}
