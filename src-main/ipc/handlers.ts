/** Builds the handler for every channel from the backend's services, one domain per file. */
import type { Handlers } from './dispatch';
import type { Services } from './services';
import { aiHandlers } from './ai-handlers';
import { askHandlers } from './ask-handlers';
import { appHandlers } from './app-handlers';
import { auditHandlers } from './audit-handlers';
import { browseHandlers } from './browse-handlers';
import { evidenceHandlers } from './evidence-handlers';
import { syncHandlers } from './sync-handlers';
import { connectionHandlers } from './connection-handlers';
import { helpdeskHandlers } from './helpdesk-handlers';
import { intakeHandlers } from './intake-handlers';
import { investigateHandlers } from './investigate-handlers';
import { instanceHandlers } from './instance-handlers';
import { jobHandlers } from './job-handlers';
import { jumpHandlers } from './jump-handlers';
import { lifecycleHandlers } from './lifecycle-handlers';
import { lifecycleTemplatesHandlers } from './lifecycle-templates-handlers';
import { onboardingHandlers } from './onboarding-handlers';
import { planHandlers } from './plan-handlers';
import { reviewsHandlers } from './reviews-handlers';
import { settingsHandlers } from './settings-handlers';
import { viewHandlers } from './view-handlers';

export function createHandlers(services: Services): Handlers {
  return {
    ...appHandlers(services),
    ...settingsHandlers(services),
    ...instanceHandlers(services),
    ...jobHandlers(services),
    ...connectionHandlers(services),
    ...syncHandlers(services),
    ...browseHandlers(services),
    ...planHandlers(services),
    ...auditHandlers(services),
    ...aiHandlers(services),
    ...askHandlers(services),
    ...evidenceHandlers(services),
    ...onboardingHandlers(services),
    ...intakeHandlers(services),
    ...investigateHandlers(services),
    ...viewHandlers(services),
    ...jumpHandlers(services),
    ...helpdeskHandlers(services),
    ...reviewsHandlers(services),
    ...lifecycleHandlers(services),
    ...lifecycleTemplatesHandlers(services),
  };
}
