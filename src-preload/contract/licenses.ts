/**
 * License optimization on the wire: licensed accounts from the mirror by seat type, those without
 * a sign-in for 90 days, the concurrent-session peak by hour over the months synced, the user
 * types in use, recommendations with the projected saving at the administrator's cost per seat
 * type, and a plan from them.
 */
import { z } from 'zod';
import { channel } from './wire';
import { planInstanceIdSchema } from './plans-inputs';
import type { PlanWithOperations } from './plans-types';

/**
 * Seat types: an administrator (local or global user administrator type), a full internal user,
 * an external portal user, an API account. See src-main/licenses/README.md for how each is told.
 */
export const SEAT_TYPES = ['admin', 'full', 'portal', 'api'] as const;
export type SeatType = (typeof SEAT_TYPES)[number];
export const SEAT_TYPE_LABELS: Record<SeatType, string> = {
  admin: 'Administrator',
  full: 'Full user (internal)',
  portal: 'Portal user (external)',
  api: 'API account',
};

export const LICENSE_RECOMMENDATION_KINDS = [
  'deactivate_dormant',
  'remove_expired',
  'convert_admin',
  'convert_portal',
] as const;
export type LicenseRecommendationKind = (typeof LICENSE_RECOMMENDATION_KINDS)[number];

export const licenseSettingsSchema = z
  .object({
    /** Cost of one seat a year, per seat type. */
    costs: z
      .object({
        admin: z.number().min(0).max(1_000_000),
        full: z.number().min(0).max(1_000_000),
        portal: z.number().min(0).max(1_000_000),
        api: z.number().min(0).max(1_000_000),
      })
      .strict(),
    currency: z.string().trim().min(1).max(8),
    /** The day the licence renews (`YYYY-MM-DD`); seats reclaimed before it are not renewed. */
    renewalOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day written YYYY-MM-DD')
      .nullable(),
    /** No sign-in for this many days makes a licensed account dormant. */
    dormantDays: z.number().int().min(30).max(730),
  })
  .strict();
export type LicenseSettings = z.infer<typeof licenseSettingsSchema>;

export const DEFAULT_LICENSE_SETTINGS: LicenseSettings = {
  costs: { admin: 0, full: 0, portal: 0, api: 0 },
  currency: 'USD',
  renewalOn: null,
  dormantDays: 90,
};

export interface LicensedAccount {
  personId: number;
  name: string;
  seat: SeatType;
  organization: string | null;
  lastSignIn: string | null;
  /** Days since the last sign-in (or since creation, when never). */
  idleDays: number | null;
}

export interface LicenseRecommendation {
  kind: LicenseRecommendationKind;
  title: string;
  /** What is recommended and why, in words. */
  detail: string;
  accounts: number;
  /** Seats of each type it frees (a conversion frees an admin seat and takes a full one). */
  seatsFreed: Partial<Record<SeatType, number>>;
  /** The yearly saving at the costs set. */
  saving: number;
  /** A plan can carry it out (SmartSimple cannot move a person between internal and external). */
  plannable: boolean;
  people: LicensedAccount[];
}

export interface LicenseReport {
  asOf: string;
  settings: LicenseSettings;
  /** The months of login sessions the mirror holds. */
  window: { from: string | null; to: string | null; months: number };
  seats: { type: SeatType; label: string; accounts: number; costPerYear: number; total: number }[];
  licensed: number;
  userTypes: { userType: string; label: string; accounts: number }[];
  dormant: { days: number; accounts: number; neverSignedIn: number };
  /** Concurrency: the most sessions open at once, in each hour of the day (UTC) and in each month. */
  peak: {
    overall: { sessions: number; at: string | null };
    byHour: { hour: number; peak: number }[];
    byMonth: { month: string; peak: number; at: string | null }[];
    /** How long a session with no end is taken to last. */
    openSessionMinutes: number;
    sessions: number;
  };
  recommendations: LicenseRecommendation[];
  saving: { perYear: number; seats: number; currency: string };
  /** Seats that will be in use at the renewal if the recommendations are applied, and days left. */
  renewal: { on: string; daysLeft: number; seatsNow: number; seatsAtRenewal: number } | null;
}

export interface LicensePlanResult {
  plan: PlanWithOperations;
  added: number;
  rejected: { personId: number; message: string }[];
}

const instanceId = planInstanceIdSchema;

export const licensesChannels = {
  'licenses:report': channel<LicenseReport>()({
    input: z.object({ instanceId, now: z.iso.datetime().optional() }).strict(),
    reads: ['mirror', 'reviews'],
  }),
  'licenses:updateSettings': channel<LicenseReport>()({
    input: z.object({ instanceId, settings: licenseSettingsSchema.partial() }).strict(),
    writes: ['reviews', 'audit'],
  }),
  /** A draft plan from the chosen recommendations (all by default). */
  'licenses:makePlan': channel<LicensePlanResult>()({
    input: z
      .object({
        instanceId,
        kinds: z.array(z.enum(LICENSE_RECOMMENDATION_KINDS)).min(1).max(4).optional(),
        now: z.iso.datetime().optional(),
      })
      .strict(),
    writes: ['plans', 'audit'],
  }),
};
