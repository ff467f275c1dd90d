/**
 * Investigation on the wire: the detectors' findings (with evidence, reason and status), the
 * detector settings and separation-of-duties rules, scans as jobs, risk scores with every
 * contribution shown, a person's timeline, and "make a plan" from a finding.
 */
import { z } from 'zod';
import { channel } from './wire';
import type { JobInfo } from './jobs';
import type { BuildResult } from './plans-types';
import { planIdSchema, planInstanceIdSchema, planRecordIdSchema } from './plans-inputs';

/** What each detector finds; the README of src-main/investigate gives each definition. */
export const FINDING_KINDS = [
  'dormant',
  'off_hours',
  'new_ip_or_agent',
  'permission_burst',
  'peer_outlier',
  'sod_conflict',
  'privileged_unused',
  'expired_access',
  'external_internal_role',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  dormant: 'Dormant account',
  off_hours: 'Off-hours session',
  new_ip_or_agent: 'New IP address or browser',
  permission_burst: 'Burst of permission changes',
  peer_outlier: 'Role unlike their peers',
  sod_conflict: 'Separation-of-duties conflict',
  privileged_unused: 'Privileged account unused',
  expired_access: 'Access past its expiry',
  external_internal_role: 'External person with an internal role',
};

/** A label inside a sentence: its first letter lower-cased, acronyms and names kept ("new IP address"). */
export function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

export const FINDING_STATUSES = ['open', 'acknowledged', 'dismissed', 'remediated'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** A session in a finding's evidence. */
export interface EvidenceSession {
  sessionId: number;
  startedAt: string;
  endedAt: string | null;
  ip: string | null;
  userAgent: string | null;
  /** Why this row is evidence, e.g. "first time from this address in 30 days". */
  note?: string;
}

/** An access change in a finding's evidence. */
export interface EvidenceEvent {
  eventId: number;
  personId: number;
  personName: string | null;
  action: string;
  roleId: number | null;
  roleName: string | null;
  changedBy: number | null;
  changedByName: string | null;
  at: string;
}

/** A role in a finding's evidence, with its part in the reason (a peer share, a rule). */
export interface EvidenceRole {
  roleId: number;
  roleName: string;
  privileged: boolean;
  /** Share of the person's peers who hold it (peer outliers), 0..1. */
  peerShare?: number;
  /** How much it adds to the finding's score, 0..1 (peer outliers: 1 - peer share). */
  contribution?: number;
  /** The role this finding is about. */
  subject?: boolean;
  note?: string;
}

export interface FindingEvidence {
  sessions?: EvidenceSession[];
  events?: EvidenceEvent[];
  roles?: EvidenceRole[];
  /** Facts from the person's record the reason uses (last login, expiry, peer group, usual hours). */
  facts?: Record<string, string | number | boolean | null>;
}

/** One finding as lists show it. */
export interface FindingRow {
  id: number;
  key: string;
  kind: FindingKind;
  personId: number;
  personName: string;
  score: number;
  reason: string;
  /** The reason's numbers, by name (days, counts, shares, hours). */
  numbers: Record<string, number | string | null>;
  occurredAt: string | null;
  /** The latest scan still finds it; false once what caused it is gone (a login, a removed role). */
  detected: boolean;
  firstSeenAt: string;
  /** The last scan that found it different, or found it again after it had cleared. */
  changedAt: string;
  clearedAt: string | null;
  status: FindingStatus;
  statusReason: string | null;
  statusBy: string | null;
  statusAt: string | null;
  /** The plan made from it, with its state; "remediated by plan" once that plan is applied. */
  plan: { id: string; title: string; state: string } | null;
  /** Only when asked for (`withEvidence`). */
  evidence?: FindingEvidence;
}

/** A way to fix a finding through a plan. */
export interface Remediation {
  action: RemediationAction;
  label: string;
  /** People the plan would change. */
  people: number;
}

export const remediationActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('remove_role'), roleId: planRecordIdSchema }).strict(),
  z.object({ kind: z.literal('deactivate') }).strict(),
  z.object({ kind: z.literal('remove_access') }).strict(),
  /** A permission burst: the inverse of each of its role changes. */
  z.object({ kind: z.literal('revert_changes') }).strict(),
]);
export type RemediationAction = z.infer<typeof remediationActionSchema>;

export interface FindingDetail extends FindingRow {
  evidence: FindingEvidence;
  remediations: Remediation[];
  person: { id: number; name: string; email: string; title: string | null; department: string | null };
}

export interface FindingsPage {
  total: number;
  rows: FindingRow[];
  /** Findings still detected, by kind and by status (over the instance, not the page). */
  byKind: Record<FindingKind, number>;
  byStatus: Record<FindingStatus, number>;
  scan: ScanStatus;
}

export interface ScanSummary {
  /** Findings the scan produced, by kind. */
  found: Partial<Record<FindingKind, number>>;
  added: number;
  cleared: number;
  people: number;
  sessions: number;
  events: number;
  ms: number;
  /** Where the time went, ms per step (read people, sessions, bursts, people's detectors, save). */
  phases?: Record<string, number>;
}

export interface ScanRun {
  id: number;
  kind: 'full' | 'incremental';
  state: 'running' | 'succeeded' | 'failed' | 'cancelled';
  startedAt: string;
  finishedAt: string | null;
  asOf: string;
  summary: ScanSummary | null;
  error: string | null;
}

export interface ScanStatus {
  lastScan: ScanRun | null;
  runningJobId: string | null;
  /** The mirror has rows (or settings) the last scan has not seen. */
  stale: boolean;
}

export const detectorSettingsSchema = z
  .object({
    /** No login in this many days (30, 45 and 90 as Entra, CIS and SailPoint use). */
    dormantDays: z.number().int().min(7).max(730),
    /** A person's habits are learned first: at least this many days of history... */
    learningDays: z.number().int().min(1).max(180),
    /** ...and this many logins, before their sessions are judged. */
    learningLogins: z.number().int().min(1).max(200),
    /** A session this many hours outside the person's usual hours is off-hours. */
    offHoursMarginHours: z.number().min(0.25).max(8),
    /** An address or browser not seen in this many days before is new. */
    newAddressDays: z.number().int().min(1).max(365),
    /** A burst: at least this many role changes by one actor... */
    burstMinChanges: z.number().int().min(3).max(1000),
    /** ...within this many minutes. */
    burstWindowMinutes: z.number().int().min(1).max(1440),
    /** Peer groups smaller than this (the person included) are not compared. */
    peerMinGroup: z.number().int().min(3).max(1000),
    /** A role held by at most this share of the person's peers is unlike theirs (0 = none of them). */
    peerMaxShare: z.number().min(0).max(0.5),
    /** A privileged account with no login in this many days is unused. */
    privilegedUnusedDays: z.number().int().min(7).max(730),
    /** A role is internal when at least this share of its holders are internal (and it has 5 or more). */
    internalRoleShare: z.number().min(0.5).max(1),
  })
  .strict();
export type DetectorSettings = z.infer<typeof detectorSettingsSchema>;

export const DEFAULT_DETECTOR_SETTINGS: DetectorSettings = {
  dormantDays: 90,
  learningDays: 14,
  learningLogins: 10,
  offHoursMarginHours: 1,
  newAddressDays: 30,
  burstMinChanges: 10,
  burstWindowMinutes: 15,
  peerMinGroup: 4,
  peerMaxShare: 0,
  privilegedUnusedDays: 30,
  internalRoleShare: 0.95,
};

export interface SodRule {
  id: number;
  roleA: { id: number; name: string };
  roleB: { id: number; name: string };
  name: string;
  source: 'administrator' | 'catalogue';
  createdBy: string;
  createdAt: string;
  /** People holding both now. */
  holders: number;
}

/** A rule the catalogue suggests for this instance's roles, with why. */
export interface SodSuggestion {
  roleA: { id: number; name: string };
  roleB: { id: number; name: string };
  name: string;
  why: string;
  holders: number;
}

export interface InvestigateSettings {
  settings: DetectorSettings;
  defaults: DetectorSettings;
  rules: SodRule[];
  suggestions: SodSuggestion[];
}

/** One documented part of a person's risk score. */
export interface RiskContribution {
  factor: string;
  label: string;
  points: number;
  detail: string;
}

export interface RiskPerson {
  personId: number;
  name: string;
  title: string | null;
  department: string | null;
  isExternal: boolean;
  score: number;
  contributions: RiskContribution[];
}

/** The documented factors and their points, as the Risk tab explains them. */
export interface RiskFactor {
  factor: string;
  label: string;
  points: string;
  description: string;
}

export interface RiskOverview {
  /** People scored (everyone with login access or a role). */
  people: number;
  /** People with a score above zero. */
  scored: number;
  /** Counts per score band, for the chart. */
  distribution: { band: string; from: number; to: number; people: number }[];
  top: RiskPerson[];
  factors: RiskFactor[];
  scan: ScanStatus;
}

export interface TimelineEntry {
  at: string;
  kind: 'session' | 'access_change' | 'change_made' | 'finding';
  text: string;
  findingId?: number;
}

export interface PersonTimeline {
  person: {
    id: number;
    name: string;
    email: string;
    title: string | null;
    department: string | null;
    isExternal: boolean;
    status: string | null;
    lastLogin: string | null;
  };
  /** Sessions by weekday (0 = Sunday) and UTC hour: 7 rows of 24 counts. */
  heatmap: number[][];
  sessions: number;
  /** The hours the person usually starts sessions in (UTC), as the off-hours detector learned them. */
  usualHours: string | null;
  entries: TimelineEntry[];
  findings: FindingRow[];
  risk: RiskPerson | null;
}

const instanceId = planInstanceIdSchema;
const findingId = z.number().int().positive();
const asOf = z.iso.datetime().optional();

export const findingsQuerySchema = z
  .object({
    instanceId,
    kinds: z.array(z.enum(FINDING_KINDS)).max(FINDING_KINDS.length).optional(),
    statuses: z.array(z.enum(FINDING_STATUSES)).max(FINDING_STATUSES.length).optional(),
    /** 'current' (default): still detected; 'cleared': no longer detected; 'all'. */
    detected: z.enum(['current', 'cleared', 'all']).optional(),
    personId: planRecordIdSchema.optional(),
    minScore: z.number().min(0).max(1).optional(),
    /** Words in the person's name or the reason. */
    search: z.string().trim().max(200, 'Search is limited to 200 characters.').optional(),
    sort: z.enum(['score', 'recent', 'person']).optional(),
    /** Each row with its evidence (exports and the command line; the screens open one at a time). */
    withEvidence: z.boolean().optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
    limit: z.number().int().min(1).max(5000).optional(),
  })
  .strict();
export type FindingsQuery = z.input<typeof findingsQuerySchema>;

export const investigateChannels = {
  /** Findings with filters, paged, with counts by kind and status. */
  'investigate:findings': channel<FindingsPage>()({ input: findingsQuerySchema, reads: ['investigate', 'plans'] }),
  /** One finding with its evidence (names resolved) and the plans that could fix it. */
  'investigate:finding': channel<FindingDetail>()({
    input: z.object({ instanceId, findingId }).strict(),
    reads: ['investigate', 'plans', 'mirror'],
  }),
  /** Acknowledge, dismiss (a reason is required), or open again; several at once. */
  'investigate:setStatus': channel<{ updated: number }>()({
    input: z
      .object({
        instanceId,
        findingIds: z.array(findingId).min(1).max(10_000),
        status: z.enum(['open', 'acknowledged', 'dismissed']),
        reason: z.string().trim().max(500, 'A reason is limited to 500 characters.').optional(),
      })
      .strict(),
    writes: ['investigate', 'audit'],
  }),
  /** Runs the detectors as a job: 'auto' looks only at what changed since the last scan. */
  'investigate:scan': channel<JobInfo>()({
    input: z.object({ instanceId, mode: z.enum(['auto', 'full', 'incremental']).optional(), now: asOf }).strict(),
    writes: ['jobs', 'investigate'],
  }),
  'investigate:status': channel<ScanStatus>()({
    input: z.object({ instanceId }).strict(),
    reads: ['investigate', 'jobs', 'sync'],
  }),
  'investigate:settings': channel<InvestigateSettings>()({
    input: z.object({ instanceId }).strict(),
    reads: ['investigate', 'mirror'],
  }),
  'investigate:updateSettings': channel<InvestigateSettings>()({
    input: z.object({ instanceId, settings: detectorSettingsSchema.partial() }).strict(),
    writes: ['investigate', 'audit'],
  }),
  /** A separation-of-duties rule: nobody should hold role A with role B. */
  'investigate:addSodRule': channel<InvestigateSettings>()({
    input: z
      .object({
        instanceId,
        roleA: planRecordIdSchema,
        roleB: planRecordIdSchema,
        name: z.string().trim().min(1).max(200).optional(),
        source: z.enum(['administrator', 'catalogue']).optional(),
      })
      .strict(),
    writes: ['investigate', 'audit'],
  }),
  'investigate:removeSodRule': channel<InvestigateSettings>()({
    input: z.object({ instanceId, ruleId: z.number().int().positive() }).strict(),
    writes: ['investigate', 'audit'],
  }),
  /** Risk per person: the distribution and the top people, every contribution with its points. */
  'investigate:risk': channel<RiskOverview>()({
    input: z.object({ instanceId, top: z.number().int().min(1).max(500).optional() }).strict(),
    reads: ['investigate', 'mirror'],
  }),
  /** A person's sessions heat map, access changes, findings and risk. */
  'investigate:timeline': channel<PersonTimeline>()({
    input: z.object({ instanceId, personId: planRecordIdSchema }).strict(),
    reads: ['investigate', 'mirror'],
  }),
  /** A plan from a finding (into `planId`, or a new plan), through the normal review and approval. */
  'investigate:makePlan': channel<BuildResult & { findingId: number }>()({
    input: z
      .object({
        instanceId,
        findingId,
        action: remediationActionSchema,
        planId: planIdSchema.optional(),
      })
      .strict(),
    writes: ['plans', 'audit', 'investigate'],
  }),
} as const;
