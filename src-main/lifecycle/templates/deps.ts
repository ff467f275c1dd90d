/** What the lifecycle templates are built from: the database, the mirror, the AI core, and who acts. */
import type { AiService } from '../../ai/ai-service';
import type { DB } from '../../db/open';
import type { InstancesService } from '../../instances/instances-service';
import type { MirrorService } from '../../mirror/mirror-service';
import type { MatchingSource } from '../../onboarding/matching/matcher';

export interface TemplatesDeps {
  db: DB;
  instances: Pick<InstancesService, 'get'>;
  mirror: MirrorService;
  ai: Pick<AiService, 'resolve' | 'recommendRoles' | 'record' | 'decide' | 'get'>;
  /** Where roster rows are matched (default: in this thread; the app passes onboarding's matching worker). */
  matching?: MatchingSource;
  /** The administrator of an instance on this computer (the plan's author and the decider). */
  administrator(instanceId: string): string;
}
