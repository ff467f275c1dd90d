/**
 * The backend: built from a data folder, plain Node, no electron import. The Electron shell and
 * the browser harness both wrap it; tests and benchmarks use it directly.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EventName, Events, Result, Table } from '../../src-preload/contract';
import { openDatabase, type DB } from '../db/open';
import { createAiService } from '../ai/ai-service';
import { createAiSettingsService } from '../ai/ai-settings';
import { createAskService } from '../ask/ask-service';
import { createEvidenceService } from '../evidence/evidence-service';
import { createJumpService } from '../jump/jump-service';
import { createViewsService } from '../views/views-service';
import { createIntakeService } from '../intake/intake-service';
import { createInvestigateService } from '../investigate/investigate-service';
import { createLicensesService } from '../licenses/licenses-service';
import { createLifecycleService } from '../lifecycle/lifecycle-service';
import { createLifecycleTemplatesService } from '../lifecycle/templates/templates-service';
import { createReviewsService } from '../reviews/reviews-service';
import { createAuditService } from '../audit-trail/audit-service';
import { recordPolicySettings } from '../audit-trail';
import { createConnectService } from '../connect/connect-service';
import { createHelpdeskService } from '../helpdesk/helpdesk-service';
import { localAdministrator } from '../connect/local-admin';
import { createInstancesService } from '../instances/instances-service';
import { createMirrorService } from '../mirror/mirror-service';
import { workerMatching } from '../onboarding/matching/matcher';
import { createOnboardingService } from '../onboarding/onboarding-service';
import { createPlansService, withAdministratorName } from '../plans/plans-service';
import { createSyncService } from '../sync/sync-service';
import { createSyncScheduler, type SyncClock } from '../sync/schedule';
import { createSandboxRuntime, type SandboxRuntimeOptions } from '../connect/sandbox-runtime';
import { resolveSandboxOptions } from '../connect/sandbox-settings';
import { createVault, KEYCHAIN_SERVICE, type KeychainBackend } from '../vault/vault';
import { sqliteAccountIndex } from '../vault/accounts-store';
import { createDispatcher, type CallContext } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { createJobsService } from '../jobs/jobs-service';
import {
  SecretRegistry,
  consoleSink,
  createLogger,
  fileSink,
  type LogLevel,
  type LogSink,
  type Logger,
} from '../log/logger';
import type { Services } from '../ipc/services';
import { APP_VERSION } from './version';

export interface BackendOptions {
  dataDir: string;
  shell?: 'electron' | 'harness' | 'cli';
  logLevel?: LogLevel;
  /** Extra log sinks (tests capture lines here); the file sink is always on. */
  logSinks?: LogSink[];
  /** Also print log lines to the console (default true outside tests). */
  consoleLog?: boolean;
  /** The keychain; default keytar (tests of the no-keychain path pass a failing one). */
  keychain?: KeychainBackend | (() => Promise<KeychainBackend>);
  /**
   * Keychain service name; tests use their own so they never touch real entries (under vitest a
   * backend given none gets one of its own).
   */
  keychainService?: string;
  /** Size and seed of the built-in sandbox instance. */
  sandbox?: SandboxRuntimeOptions;
  /**
   * A damaged database file: 'refuse' (default) fails with the damaged-database error
   * (isDamagedDatabaseError) and changes nothing; 'start-new', given only once the administrator
   * said so, moves it aside and starts with a new database.
   */
  onDamagedDatabase?: 'refuse' | 'start-new';
  /** The automatic sync's clock and timer (tests step through time with their own). */
  syncClock?: SyncClock;
}

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export interface Backend {
  /** Validates and runs one call; never throws. */
  invoke(channel: unknown, input?: unknown, ctx?: CallContext): Promise<Result<unknown>>;
  /** Listens to every event; returns an unsubscribe function. */
  onEvent(listener: EventListener): () => void;
  readonly services: Services;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'admin-desk.sqlite';

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets = new SecretRegistry();
  const sinks: LogSink[] = [fileSink(path.join(dataDir, 'logs')), ...(options.logSinks ?? [])];
  if (options.consoleLog ?? !process.env.VITEST) sinks.push(consoleSink);
  const logger = createLogger('main', { level: options.logLevel ?? 'info', sinks, secrets });

  const { db, to } = openDatabase(path.join(dataDir, DATABASE_FILE), {
    logger: logger.child('db'),
    onDamaged: options.onDamagedDatabase ?? 'refuse',
  });
  const listeners = new Set<EventListener>();
  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    for (const l of listeners) {
      try {
        l(event, payload);
      } catch (err) {
        logger.error('event listener failed', { event, error: err });
      }
    }
  };
  const services = buildServices({ options, dataDir, db, schemaVersion: to, logger, secrets, emit });
  const dispatch = createDispatcher(createHandlers(services), services.changed, logger.child('ipc'));
  startUp(services);
  logger.info('backend ready', { dataDir, schemaVersion: to });

  let closed = false;
  return {
    invoke: (channel, input, ctx) => dispatch(channel, input, ctx),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    services,
    async close() {
      if (closed) return;
      closed = true;
      services.syncSchedule.stop();
      await services.jobs.shutdown();
      await services.sandbox.close();
      services.ask.close();
      await services.intake.close();
      await services.onboarding.close();
      listeners.clear();
      db.close();
    },
  };
}

interface Infrastructure {
  options: BackendOptions;
  dataDir: string;
  db: DB;
  schemaVersion: number;
  logger: Logger;
  secrets: SecretRegistry;
  emit: Services['emit'];
}

/** The composition root: every service, built once, each from what it needs. */
function buildServices({ options, dataDir, db, schemaVersion, logger, secrets, emit }: Infrastructure): Services {
  const settingsWatchers: (() => void)[] = [];
  const changed = announceChanges(emit, settingsWatchers);
  const jobs = buildJobs(db, logger, emit, changed);
  const vault = buildVault(options, secrets, logger, db);
  const sandboxOptions = resolveSandboxOptions(dataDir, options.sandbox);
  const sandbox = createSandboxRuntime({ dataDir, logger: logger.child('sandbox'), ...sandboxOptions });
  const connections = createConnectService({ db, vault, logger: logger.child('connect'), secrets, sandbox });
  const instances = createInstancesService({
    db,
    onPolicySettingsChanged: (changes, after) =>
      recordPolicySettings(db, {
        actor: withAdministratorName(after.administratorName, localAdministrator(db, after.activeInstanceId ?? '')),
        changes,
      }),
  });
  const administrator = (instanceId: string) =>
    withAdministratorName(instances.settings().administratorName, localAdministrator(db, instanceId));
  const mirror = createMirrorService({ db, instances, administrator });
  // A sync that succeeds is scanned for findings (the investigation service is built further down).
  const synced: ((instanceId: string) => void)[] = [];
  const onSynced = (id: string) => synced.forEach((f) => f(id));
  const { sync, syncSchedule } = buildSync(
    { db, connections, instances, jobs, logger, changed, onSynced },
    options.syncClock,
  );
  settingsWatchers.push(() => syncSchedule.refresh());
  const plans = createPlansService({
    db,
    connections,
    instances,
    mirror,
    jobs,
    logger,
    administrator,
    onApplyFinished: () => changed(['plans', 'audit', 'jobs', 'mirror']),
  });
  const audit = createAuditService({ db, instances });
  const ai = createAiService({ db, logger, vault, settings: () => ({ llm: instances.settings().llm }) });
  const aiSettings = createAiSettingsService({ ai, vault, instances });
  const capabilities = buildCapabilities({
    db,
    dataDir,
    instances,
    mirror,
    plans,
    jobs,
    ai,
    administrator,
    logger,
    changed,
  });
  synced.push((id) => capabilities.investigate.afterSync(id));
  const peopleTools = buildPeopleTools({ db, instances, mirror, plans });
  const app = { dataDir, shell: options.shell ?? 'electron', version: APP_VERSION, schemaVersion };
  return {
    app,
    instances,
    vault,
    connections,
    mirror,
    sync,
    syncSchedule,
    plans,
    audit,
    ai,
    aiSettings,
    ...capabilities,
    ...peopleTools,
    jobs,
    db,
    logger,
    secrets,
    sandbox,
    emit,
    changed,
  };
}

type CapabilityDeps = Pick<Services, 'db' | 'instances' | 'mirror' | 'plans' | 'jobs' | 'ai' | 'logger' | 'changed'> & {
  dataDir: string;
  administrator: Parameters<typeof createReviewsService>[0]['administrator'];
};

/** The capabilities over the mirror, plans and AI core: each a folder of src-main with its service. */
function buildCapabilities(deps: CapabilityDeps) {
  const { db, dataDir, instances, mirror, plans, jobs, ai, administrator, logger, changed } = deps;
  const ask = createAskService({ db, ai });
  const evidence = createEvidenceService({ db, ask, instances, administrator });
  const intake = createIntakeService({ db, blobDir: path.join(dataDir, 'intake'), logger: logger.child('intake') });
  const matching = workerMatching(logger.child('matching'));
  const onboarding = createOnboardingService({ db, mirror, ai, intake, administrator, matching, logger });
  const helpdesk = createHelpdeskService({ db, instances, ai, administrator });
  const investigate = createInvestigateService({
    ...{ db, instances, mirror, plans, jobs, administrator, logger: logger.child('investigate') },
    onScanFinished: () => changed(['investigate', 'jobs']),
    onDismissed: (finding) => helpdesk.indexFinding(finding),
  });
  const reviews = createReviewsService({ db, instances, mirror, investigate, plans, administrator });
  const licenses = createLicensesService({ db, instances, administrator });
  const lifecycle = createLifecycleService({ db, ask, ai, instances, administrator });
  const lifecycleTemplates = createLifecycleTemplatesService({ db, instances, mirror, ai, matching, administrator });
  return { ask, evidence, intake, onboarding, helpdesk, investigate, reviews, licenses, lifecycle, lifecycleTemplates };
}

/** What the People list and Jump to add over the mirror and plans: saved views, the layout, Jump to. */
function buildPeopleTools(
  deps: Pick<Services, 'db' | 'instances' | 'mirror' | 'plans'>,
): Pick<Services, 'views' | 'jump'> {
  return {
    views: createViewsService({ db: deps.db, instances: deps.instances }),
    jump: createJumpService({ mirror: deps.mirror, plans: deps.plans }),
  };
}

/** Announces changed tables; a settings change also tells the watchers (the automatic sync re-arms at once). */
function announceChanges(emit: Services['emit'], settingsWatchers: (() => void)[]) {
  return (tables: Table[]) => {
    emit('data:changed', { tables });
    if (tables.includes('settings')) for (const watch of settingsWatchers) watch();
  };
}

/** The vault over the OS keychain; tests get a keychain service of their own. */
function buildVault(options: BackendOptions, secrets: SecretRegistry, logger: Logger, db: DB) {
  return createVault({
    secrets,
    logger: logger.child('vault'),
    ...(options.keychain ? { keychain: options.keychain } : {}),
    service:
      options.keychainService ?? (process.env.VITEST ? `Admin Desk test ${crypto.randomUUID()}` : KEYCHAIN_SERVICE),
    accounts: sqliteAccountIndex(db),
  });
}

/** The job runner: every job's progress is an event, and an ended job changes the jobs table. */
function buildJobs(db: DB, logger: Logger, emit: Services['emit'], changed: Services['changed']) {
  return createJobsService({
    db,
    logger: logger.child('jobs'),
    emit: (job) => {
      emit('job:progress', job);
      if (job.state !== 'running') changed(['jobs']);
    },
  });
}

/** Sync and its schedule (the automatic sync every N minutes while the app is open). */
function buildSync(
  deps: Pick<Services, 'connections' | 'instances' | 'jobs' | 'db' | 'logger' | 'changed'> & {
    onSynced(instanceId: string): void;
  },
  clock: SyncClock | undefined,
): Pick<Services, 'sync' | 'syncSchedule'> {
  const { db, connections, instances, jobs, logger, changed } = deps;
  const sync = createSyncService({
    db,
    connections,
    instances,
    jobs,
    logger,
    onFinished: () => changed(['mirror', 'sync']),
    onSucceeded: deps.onSynced,
  });
  const syncSchedule = createSyncScheduler({
    sync,
    instances,
    connections,
    jobs,
    logger: logger.child('sync-schedule'),
    ...(clock ? { clock } : {}),
    onChanged: () => changed(['sync']),
  });
  return { sync, syncSchedule };
}

/**
 * Start-up work, in one visible place: jobs a previous process left running are marked
 * interrupted, then every interrupted apply resumes (deferred, so the backend finishes building
 * first; a backend closed at once by a short-lived test simply resumes nothing), and the
 * automatic sync starts checking whether a sync is due (close stops it).
 */
function startUp(services: Services): void {
  services.jobs.sweepInterrupted();
  services.investigate.sweepInterrupted();
  try {
    services.reviews.startDueEverywhere();
  } catch (error) {
    services.logger.error('quarterly review campaigns could not start', { error });
  }
  services.syncSchedule.start();
  setTimeout(() => {
    try {
      services.plans.resumeInterruptedApplies();
    } catch (error) {
      services.logger.debug('no interrupted applies resumed', { error });
    }
  }, 0).unref?.();
}
