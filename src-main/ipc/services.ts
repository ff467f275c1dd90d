/**
 * What the handlers are built from: one service per capability, plus the app facts `app:info`
 * reports. The backend's composition root (backend/backend.ts) builds them; handlers only
 * delegate to them.
 */
import type { AiService } from '../ai/ai-service';
import type { AiSettingsService } from '../ai/ai-settings';
import type { AskService } from '../ask/ask-service';
import type { EvidenceService } from '../evidence/evidence-service';
import type { AuditService } from '../audit-trail/audit-service';
import type { ConnectService } from '../connect/connect-service';
import type { HelpdeskService } from '../helpdesk/helpdesk-service';
import type { IntakeService } from '../intake/intake-service';
import type { InstancesService } from '../instances/instances-service';
import type { InvestigateService } from '../investigate/investigate-service';
import type { JobsService } from '../jobs/jobs-service';
import type { JumpService } from '../jump/jump-service';
import type { ViewsService } from '../views/views-service';
import type { LicensesService } from '../licenses/licenses-service';
import type { LifecycleService } from '../lifecycle/lifecycle-service';
import type { LifecycleTemplatesService } from '../lifecycle/templates/templates-service';
import type { Logger } from '../log/logger';
import type { MirrorService } from '../mirror/mirror-service';
import type { OnboardingService } from '../onboarding/onboarding-service';
import type { PlansService } from '../plans/plans-service';
import type { ReviewsService } from '../reviews/reviews-service';
import type { SyncService } from '../sync/sync-service';
import type { SyncScheduler } from '../sync/schedule';
import type { Vault } from '../vault/vault';
import type { DB } from '../db/open';
import type { SandboxRuntime } from '../connect/sandbox-runtime';
import type { SecretRegistry } from '../log/logger';
import type { EventName, Events, Table } from '../../src-preload/contract';

export interface AppFacts {
  dataDir: string;
  shell: 'electron' | 'harness' | 'cli';
  version: string;
  schemaVersion: number;
}

export interface Services {
  app: AppFacts;
  instances: InstancesService;
  vault: Vault;
  connections: ConnectService;
  mirror: MirrorService;
  sync: SyncService;
  /** The automatic sync every N minutes while the app is open. */
  syncSchedule: SyncScheduler;
  plans: PlansService;
  audit: AuditService;
  ai: AiService;
  onboarding: OnboardingService;
  aiSettings: AiSettingsService;
  ask: AskService;
  evidence: EvidenceService;
  intake: IntakeService;
  investigate: InvestigateService;
  /** Saved views of the People list and its layout. */
  views: ViewsService;
  /** Jump to: people, roles, programs, organizations and plans by name, e-mail or id. */
  jump: JumpService;
  /** The access troubleshooter, resets, tickets and the knowledge base. */
  helpdesk: HelpdeskService;
  reviews: ReviewsService;
  licenses: LicensesService;
  /** Bulk change planning: a described change as a draft plan; the consequences of any plan. */
  lifecycle: LifecycleService;
  /** Lifecycle templates: program roster, mover, leaver and organization offboarding, each ending in a plan. */
  lifecycleTemplates: LifecycleTemplatesService;
  jobs: JobsService;
  /** Infrastructure for tests and tools that drive the backend directly; handlers never use these. */
  db: DB;
  logger: Logger;
  secrets: SecretRegistry;
  sandbox: SandboxRuntime;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** Announces changed tables so queries that read them refresh. */
  changed(tables: Table[]): void;
}
