/** What the plans service is built from: the database, the capabilities it asks, and who acts. */
import type { ConnectService } from '../../connect/connect-service';
import type { DB } from '../../db/open';
import type { InstancesService } from '../../instances/instances-service';
import type { JobsService } from '../../jobs/jobs-service';
import type { Logger } from '../../log/logger';
import type { MirrorService } from '../../mirror/mirror-service';
import { notFound } from '../../errors/app-error';
import { getPlan } from '../plans';

export interface PlansServiceDeps {
  db: DB;
  connections: ConnectService;
  instances: InstancesService;
  mirror: MirrorService;
  jobs: JobsService;
  logger: Logger;
  /** The administrator recorded on this computer for an instance (never the renderer's word). */
  administrator(instanceId: string): string;
  /** Called when an apply job ends, so the screens that read plans and the trail refresh. */
  onApplyFinished(): void;
}

/** The plan's instance (NOT_FOUND for an unknown plan), checked against the one the caller named. */
export function instanceOfPlan(deps: PlansServiceDeps, planId: string, expected?: string): string {
  const plan = getPlan(deps.db, planId);
  if (expected !== undefined && plan.instanceId !== expected) throw notFound(`Plan ${planId}`);
  return plan.instanceId;
}

/** Who acts on a plan: the administrator of its instance. */
export const actorForPlan = (deps: PlansServiceDeps, planId: string) =>
  deps.administrator(instanceOfPlan(deps, planId));

/**
 * The administrator's name as plans record it: their own name from Settings when set (the OS
 * login otherwise, only until they set it), with the API-user suffix the desk adds.
 */
export function withAdministratorName(name: string | null, local: string): string {
  if (!name) return local;
  const suffix = /\s*\(API user [^)]*\)\s*$/i.exec(local)?.[0] ?? '';
  return `${name.trim()}${suffix}`.slice(0, 120);
}
