/** What the reviews service is built from, and the small helpers its parts share. */
import type { DB } from '../db/open';
import { notFound } from '../errors/app-error';
import type { InstancesService } from '../instances/instances-service';
import type { InvestigateService } from '../investigate/investigate-service';
import type { MirrorService } from '../mirror/mirror-service';
import type { PlansService } from '../plans/plans-service';
import { getCampaignRecord, type CampaignRecord } from './campaigns-store';

export interface ReviewsServiceDeps {
  db: DB;
  instances: InstancesService;
  mirror: MirrorService;
  investigate: InvestigateService;
  plans: PlansService;
  /** Who decides on this computer, for an instance (never the renderer's word). */
  administrator(instanceId: string): string;
  /** The clock (tests move it). */
  now?: () => Date;
}

export const nowOf = (deps: ReviewsServiceDeps): Date => deps.now?.() ?? new Date();

/** A day as `YYYY-MM-DD` (UTC). */
export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

export function campaignOf(deps: ReviewsServiceDeps, campaignId: string): CampaignRecord {
  const c = getCampaignRecord(deps.db, campaignId);
  if (!c) throw notFound('The campaign');
  return c;
}

/** Adds whole calendar months to a day, keeping the day of the month where it exists. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return dayOf(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))));
}

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
