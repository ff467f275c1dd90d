/**
 * Making a campaign: the facts read once from the mirror and the investigation, the scope turned
 * into people and items with their recommendations, all stored in one transaction with its audit
 * entry. Also the preview (the same, written nowhere) and the campaign as the screens show it.
 */
import crypto from 'node:crypto';
import type {
  CampaignDetail,
  CampaignPreview,
  CampaignSummary,
  CreateCampaignInput,
  ReviewItemKind,
  ReviewScope,
} from '../../src-preload/contract';
import { REVIEW_ITEM_KINDS } from '../../src-preload/contract';
import { appendAudit } from '../audit-trail';
import { validation } from '../errors/app-error';
import { plural } from '../investigate/model';
import { buildItems, type BuiltItem } from './build-items';
import {
  insertCampaign,
  listCampaignRecords,
  planStates,
  previousCampaignId,
  type CampaignRecord,
  type NewCampaign,
} from './campaigns-store';
import { addMonths, dayOf, nowOf, type ReviewsServiceDeps } from './deps';
import { listActions } from './decisions-store';
import {
  loadOpenFindings,
  loadReviewAssignments,
  loadReviewPeople,
  loadReviewPrograms,
  loadReviewRoles,
  loadRiskScores,
  organizationNames,
  organizationSubtree,
} from './facts-store';
import { countItems, departmentsOf, insertItems, itemWhere, reviewersOf } from './items-store';
import type { CampaignFacts, ReviewPerson } from './model';
import { narrowLikelyPrivileged } from '../investigate/detectors/privileged-unused';

/** Everything the recommendations read, as of `asOf` (seconds). */
export function loadFacts(deps: ReviewsServiceDeps, instanceId: string, asOf: number): CampaignFacts {
  const { db } = deps;
  const detector = deps.investigate.settings(instanceId).settings;
  const likely = new Set(deps.mirror.suggestPrivileged(instanceId).map((s) => s.roleId));
  const scan = deps.investigate.status(instanceId).lastScan;
  const people = loadReviewPeople(db, instanceId);
  const roles = loadReviewRoles(db, instanceId, likely);
  narrowLikelyPrivileged(roles, holderSides(people));
  return {
    asOf,
    people,
    roles,
    programs: loadReviewPrograms(db, instanceId),
    assignments: loadReviewAssignments(db, instanceId),
    findings: loadOpenFindings(db, instanceId),
    risk: loadRiskScores(db, instanceId),
    scan: scan && scan.state === 'succeeded' ? { id: scan.id, asOf: scan.asOf } : null,
    dormantDays: detector.dormantDays,
    peerMinGroup: detector.peerMinGroup,
    privilegedUnusedDays: detector.privilegedUnusedDays,
  };
}

/** Holders of each role, internal and external. */
function holderSides(people: readonly ReviewPerson[]): Map<number, { internal: number; external: number }> {
  const out = new Map<number, { internal: number; external: number }>();
  for (const p of people)
    for (const r of p.roleIds) {
      const h = out.get(r) ?? { internal: 0, external: 0 };
      if (p.isExternal) h.external++;
      else h.internal++;
      out.set(r, h);
    }
  return out;
}

function itemsOf(
  deps: ReviewsServiceDeps,
  instanceId: string,
  scope: ReviewScope,
  kinds: readonly ReviewItemKind[],
  asOf: number,
) {
  const facts = loadFacts(deps, instanceId, asOf);
  const orgs = scope.organizationIds?.length ? organizationSubtree(deps.db, instanceId, scope.organizationIds) : null;
  return { facts, items: buildItems(facts, scope, kinds, orgs) };
}

/** The scope in words, names not ids. */
export function scopeText(deps: ReviewsServiceDeps, instanceId: string, scope: ReviewScope): string {
  const parts: string[] = [];
  const list = (names: string[]) =>
    names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  if (scope.organizationIds?.length) {
    const names = organizationNames(deps.db, instanceId, scope.organizationIds);
    parts.push(
      `people of ${list(scope.organizationIds.map((id) => names.get(id) ?? `organization ${id}`))} (and below)`,
    );
  }
  if (scope.departments?.length)
    parts.push(`the ${list(scope.departments)} department${scope.departments.length > 1 ? 's' : ''}`);
  if (scope.roleIds?.length || scope.programIds?.length) {
    const roles = new Map(deps.mirror.listRoles(instanceId).map((r) => [r.id, r.name]));
    if (scope.roleIds?.length)
      parts.push(`holders of ${list(scope.roleIds.map((id) => roles.get(id) ?? `role ${id}`))}`);
    const programs = new Map(deps.mirror.listPrograms(instanceId).map((p) => [p.id, p.name]));
    if (scope.programIds?.length)
      parts.push(`people assigned on ${list(scope.programIds.map((id) => programs.get(id) ?? `program ${id}`))}`);
  }
  if (scope.side) parts.push(`${scope.side} people only`);
  if (scope.privilegedOnly) parts.push('privileged access only');
  if (parts.length === 0) return 'Everyone in the instance (API accounts aside)';
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function previewCampaign(
  deps: ReviewsServiceDeps,
  input: { instanceId: string; scope: ReviewScope; itemKinds: ReviewItemKind[] },
): CampaignPreview {
  const id = deps.instances.get(input.instanceId).id;
  const { items } = itemsOf(deps, id, input.scope, input.itemKinds, nowOf(deps).getTime() / 1000);
  const people = new Map(items.map((i) => [i.personId, i.person.name]));
  const byKind = Object.fromEntries(
    REVIEW_ITEM_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length]),
  ) as CampaignPreview['byKind'];
  return {
    people: people.size,
    items: items.length,
    byKind,
    recommendedRevoke: items.filter((i) => i.recommendation === 'revoke').length,
    sample: [...people.values()].slice(0, 5),
    scopeText: scopeText(deps, id, input.scope),
  };
}

type ParsedCreate = Omit<Required<CreateCampaignInput>, 'now'> & { now?: string | undefined };

/** Makes a campaign (and its items) from a validated input; `series` continues a recurring one. */
export function createCampaign(
  deps: ReviewsServiceDeps,
  input: ParsedCreate,
  series?: { seriesId: string; sequence: number },
): string {
  const instanceId = deps.instances.get(input.instanceId).id;
  const now = input.now ? new Date(input.now) : nowOf(deps);
  const today = dayOf(now);
  if (input.dueOn < today)
    throw validation('The due date has passed: choose today or a later day.', [
      { path: ['dueOn'], message: 'Choose today or a later day.' },
    ]);
  const { facts, items } = itemsOf(deps, instanceId, input.scope, input.itemKinds, now.getTime() / 1000);
  if (items.length === 0)
    throw validation('The scope selects nothing to review: no one in it holds the kinds of access chosen.', [
      { path: ['scope'], message: 'Nothing to review in this scope.' },
    ]);
  const id = crypto.randomUUID();
  const by = deps.administrator(instanceId);
  const record: NewCampaign = {
    id,
    instanceId,
    seriesId: series?.seriesId ?? id,
    sequence: series?.sequence ?? 1,
    name: input.name,
    scope: input.scope,
    itemKinds: [...new Set(input.itemKinds)],
    stages: input.stages,
    defaultDecision: input.defaultDecision,
    recurrence: input.recurrence,
    dueOn: input.dueOn,
    asOf: now.toISOString(),
    scanId: facts.scan?.id ?? null,
    settings: {
      dormantDays: facts.dormantDays,
      peerMinGroup: facts.peerMinGroup,
      findingsAsOf: facts.scan?.asOf ?? null,
    },
    createdBy: by,
    createdAt: now.toISOString(),
    nextStartOn: input.recurrence === 'quarterly' ? addMonths(today, 3) : null,
  };
  deps.db.transaction(() => {
    insertCampaign(deps.db, record);
    insertItems(deps.db, id, items);
    appendAudit(deps.db, {
      actor: by,
      action: 'review.campaign_created',
      subject: `review:${id}`,
      instanceId,
      details: createdDetails(record, items),
    });
  })();
  return id;
}

function createdDetails(record: NewCampaign, items: readonly BuiltItem[]) {
  return {
    name: record.name,
    scope: record.scope,
    itemKinds: record.itemKinds,
    stages: record.stages,
    dueOn: record.dueOn,
    defaultDecision: record.defaultDecision,
    recurrence: record.recurrence,
    people: new Set(items.map((i) => i.personId)).size,
    items: items.length,
    recommendedRevoke: items.filter((i) => i.recommendation === 'revoke').length,
    sequence: record.sequence,
  };
}

export function summaryOf(
  deps: ReviewsServiceDeps,
  c: CampaignRecord,
  plans: ReturnType<typeof planStates>,
): CampaignSummary {
  const today = dayOf(nowOf(deps));
  const plan = c.planId ? plans.get(c.planId) : undefined;
  return {
    id: c.id,
    instanceId: c.instanceId,
    seriesId: c.seriesId,
    sequence: c.sequence,
    name: c.name,
    state: c.state,
    scope: c.scope,
    scopeText: scopeText(deps, c.instanceId, c.scope),
    itemKinds: c.itemKinds,
    stages: c.stages,
    currentStage: c.currentStage,
    defaultDecision: c.defaultDecision,
    recurrence: c.recurrence,
    dueOn: c.dueOn,
    overdue: c.state === 'active' && c.dueOn < today,
    createdBy: c.createdBy,
    createdAt: c.createdAt,
    stageCounts: countItems(deps.db, itemWhere(c.id, c.currentStage)),
    counts: countItems(deps.db, itemWhere(c.id, c.currentStage, { currentStage: false })),
    plan: plan && c.planId ? { id: c.planId, title: plan.title, state: plan.state as never } : null,
    nextStartOn: c.recurrence === 'quarterly' && c.state !== 'cancelled' ? c.nextStartOn : null,
  };
}

export function listCampaigns(deps: ReviewsServiceDeps, instanceId: string): CampaignSummary[] {
  const records = listCampaignRecords(deps.db, deps.instances.get(instanceId).id);
  const plans = planStates(
    deps.db,
    records.flatMap((r) => (r.planId ? [r.planId] : [])),
  );
  return records.map((r) => summaryOf(deps, r, plans));
}

export function campaignDetail(deps: ReviewsServiceDeps, c: CampaignRecord): CampaignDetail {
  const plans = planStates(deps.db, c.planId ? [c.planId] : []);
  return {
    ...summaryOf(deps, c, plans),
    asOf: c.asOf,
    findingsAsOf: (c.settings.findingsAsOf as string | null | undefined) ?? null,
    closedBy: c.closedBy,
    closedAt: c.closedAt,
    closeReason: c.closeReason,
    signOff: c.signOff,
    actions: listActions(deps.db, c.id),
    reviewers: reviewersOf(deps.db, c.id, c.currentStage),
    departments: departmentsOf(deps.db, c.id),
    nextCampaignId: c.nextCampaignId,
    previousCampaignId: previousCampaignId(deps.db, c.id),
  };
}

/** "Access review (2 stages, managers then the administrator), 1,234 items of 456 people". */
export function describeCampaign(c: CampaignRecord, counts: { items: number; people: number }): string {
  return `${c.name}: ${plural(counts.items, 'item')} of ${plural(counts.people, 'person', 'people')}, ${plural(c.stages.length, 'stage')}`;
}
