/** Words for the sync's kinds and the things it fetches, as the administrator reads them. */
import type { SyncPlan, SyncRun } from '../../../src-preload/contract';

export type SyncKindName = SyncPlan['kind'];
export type SummaryKindName = keyof SyncRun['summary']['kinds'];
export type PlanEntityName = SyncPlan['entities'][number]['entity'];

export const KIND_LABELS: Record<SyncKindName, string> = {
  full: 'Full sync',
  incremental: 'Incremental sync',
  reconcile: 'Reconcile',
};

export const KIND_EXPLANATIONS: Record<SyncKindName, string> = {
  full: 'Fetches everything: people, organizations, roles, programs and the two logs.',
  incremental: 'Fetches only what changed on the server since the last sync.',
  reconcile: 'Also lists every record id, so people and organizations removed on the server are noticed.',
};

/** In the order a sync visits them; role holdings come with people. */
export const SUMMARY_LABELS: Record<SummaryKindName, string> = {
  roles: 'Roles',
  organizations: 'Organizations',
  people: 'People',
  role_holdings: 'Role holdings',
  programs: 'Programs',
  assignments: 'Program assignments',
  access_events: 'Access changes',
  login_sessions: 'Login sessions',
};

export const ENTITY_LABELS: Record<PlanEntityName, string> = {
  roles: 'Roles',
  organizations: 'Organizations',
  people: 'People',
  programs: 'Programs',
  assignments: 'Program assignments',
  access_events: 'Access changes',
  login_sessions: 'Login sessions',
};

/** What a step of a sync does, when it differs from the sync's own kind. */
export const PHASE_LABELS: Record<SyncPlan['entities'][number]['phase'], string> = {
  full: 'everything',
  incremental: 'only what changed',
  reconcile: 'every id, to notice removals',
  band: 'a burst of recent changes, re-checked by id',
};

export const MODE_OPTIONS = [
  { value: 'auto', label: 'Automatic (recommended)' },
  { value: 'incremental', label: 'Incremental: only what changed' },
  { value: 'reconcile', label: 'Reconcile: also notice removals' },
  { value: 'full', label: 'Full: fetch everything again' },
] as const;
export type SyncModeName = (typeof MODE_OPTIONS)[number]['value'];
