/**
 * The campaign report: what was reviewed (scope, kinds, stages and reviewers), every decision
 * (who, when, why, against the recommendation or not), completion, what the plan applied, and the
 * audit trail's head hash at the time of the report. As CSV (one row per item, the facts as `#`
 * lines above the header) and as PDF (report-pdf.ts), each recorded in the trail with its sha256.
 */
import crypto from 'node:crypto';
import type { CampaignDetail, DownloadFile, ReviewItem } from '../../src-preload/contract';
import { REVIEW_ITEM_KIND_LABELS } from '../../src-preload/contract';
import { appendAudit, readAuditHead, sha256Hex } from '../audit-trail';
import { toSafeCsv } from '../export/csv-cell';
import { getPlan } from '../plans';
import { campaignDetail } from './campaigns';
import { campaignOf, nowOf, type ReviewsServiceDeps } from './deps';
import { allItems } from './items-store';
import { renderReportPdf } from './report-pdf';

export interface ReportData {
  campaign: CampaignDetail;
  instance: string;
  exportedBy: string;
  exportedAt: string;
  auditHead: { seq: number; hash: string } | null;
  items: (ReviewItem & { applied: string })[];
  applied: { verified: number; failed: number; pending: number; other: number } | null;
  facts: [string, string][];
}

const STATE_WORDS: Record<string, string> = {
  verified: 'applied and verified',
  sent: 'sent, not verified yet',
  pending: 'not applied yet',
  sending: 'being sent',
  unknown: 'in doubt (to reconcile)',
  skipped_drift: 'skipped: changed on the server',
};

/** Each revoked item with what became of its plan operation. */
function appliedStates(deps: ReviewsServiceDeps, campaign: CampaignDetail, items: ReviewItem[]) {
  const out = new Map<number, string>();
  const planId = campaign.plan?.id;
  if (!planId) return { states: out, totals: null };
  const plan = getPlan(deps.db, planId);
  const results = new Map(deps.plans.result(planId).operations.map((o) => [o.operationId, o]));
  const opKey = (kind: string, person: number | null, role: unknown, program: unknown) =>
    `${kind}:${person}:${role ?? ''}:${program ?? ''}`;
  const ops = new Map(
    plan.operations.map((o) => [opKey(o.kind, o.personId, o.params.roleId, o.params.programId), o.id]),
  );
  const totals = { verified: 0, failed: 0, pending: 0, other: 0 };
  const rejected = new Map((campaign.signOff?.rejected ?? []).map((r) => [r.itemId, r.message]));
  for (const i of items) {
    if (i.decision !== 'revoke') continue;
    const kind = i.kind === 'role' ? 'remove_role' : i.kind === 'assignment' ? 'remove_assignment' : 'set_access';
    const opId = ops.get(opKey(kind, i.personId, i.kind === 'access' ? null : i.roleId, i.programId));
    const result = opId === undefined ? undefined : results.get(opId);
    if (rejected.has(i.id)) out.set(i.id, `nothing to change: ${rejected.get(i.id)}`);
    else if (!result) out.set(i.id, 'not in the plan (removed from it)');
    else {
      out.set(
        i.id,
        result.state === 'failed' ? `failed: ${result.message ?? ''}` : (STATE_WORDS[result.state] ?? result.state),
      );
      if (result.state === 'verified') totals.verified++;
      else if (result.state === 'failed') totals.failed++;
      else if (result.state === 'pending') totals.pending++;
      else totals.other++;
    }
  }
  return { states: out, totals };
}

export function reportData(deps: ReviewsServiceDeps, campaignId: string): ReportData {
  const c = campaignOf(deps, campaignId);
  const campaign = campaignDetail(deps, c);
  const items = allItems(deps.db, c.id);
  const { states, totals } = appliedStates(deps, campaign, items);
  const head = readAuditHead(deps.db);
  const counts = campaign.counts;
  const facts: [string, string][] = [
    ['Campaign', `${campaign.name} (${campaign.id})`],
    ['Instance', deps.instances.get(c.instanceId).name],
    ['Scope', campaign.scopeText],
    ['Access reviewed', campaign.itemKinds.map((k) => REVIEW_ITEM_KIND_LABELS[k]).join(', ')],
    [
      'Stages',
      campaign.stages
        .map((s, i) => `${i + 1}. ${s.name} (${s.reviewers === 'managers' ? 'line managers' : 'the administrator'})`)
        .join('; '),
    ],
    ['Due', campaign.dueOn],
    [
      'Undecided items',
      `take ${campaign.defaultDecision === 'recommendation' ? 'the recommendation' : campaign.defaultDecision}`,
    ],
    [
      'Recurrence',
      campaign.recurrence === 'quarterly'
        ? `quarterly${campaign.nextStartOn ? `, next on ${campaign.nextStartOn}` : ''}`
        : 'none',
    ],
    ['Created', `${campaign.createdAt} by ${campaign.createdBy}`],
    [
      'State',
      campaign.state === 'signed_off' ? `signed off ${campaign.closedAt} by ${campaign.closedBy}` : campaign.state,
    ],
    [
      'Completion',
      `${counts.decided} of ${counts.items} items decided (${pct(counts.decided, counts.items)}), ${counts.people} people`,
    ],
    [
      'Decisions',
      `${counts.keep} kept, ${counts.revoke} revoked, ${counts.overridden} against the recommendation, ${campaign.signOff?.defaulted ?? 0} by default`,
    ],
    ['Plan', campaign.plan ? `${campaign.plan.title} (${campaign.plan.state})` : 'none'],
    ['Findings and risk as of', campaign.findingsAsOf ?? 'no scan'],
    ['Audit trail head', head ? `entry ${head.seq}, ${head.hash}` : 'empty'],
  ];
  return {
    campaign,
    instance: deps.instances.get(c.instanceId).name,
    exportedBy: deps.administrator(c.instanceId),
    exportedAt: nowOf(deps).toISOString(),
    auditHead: head,
    items: items.map((i) => ({ ...i, applied: states.get(i.id) ?? '' })),
    applied: totals,
    facts,
  };
}

const pct = (n: number, of: number) => `${of === 0 ? 100 : Math.round((n / of) * 100)}%`;

export function reportCsv(data: ReportData): string {
  const header = [
    'item_id',
    'stage',
    'kind',
    'person_id',
    'person',
    'email',
    'department',
    'title',
    'organization',
    'reviewer',
    'access',
    'privileged',
    'risk_score',
    'risk_band',
    'recommendation',
    'confidence',
    'reasons',
    'decision',
    'decided_by',
    'decided_at',
    'decision_source',
    'decision_reason',
    'against_recommendation',
    'applied',
  ];
  const rows = data.items.map((i) => [
    i.id,
    i.stage,
    i.kind,
    i.personId,
    i.personName,
    i.email,
    i.department,
    i.title,
    i.organization,
    i.reviewer?.name ?? 'The administrator',
    i.target,
    i.privileged ? 'yes' : 'no',
    i.riskScore,
    i.riskBand,
    i.recommendation,
    i.confidence,
    i.reasons.map((r) => r.text).join(' | '),
    i.decision ?? '',
    i.decidedBy ?? '',
    i.decidedAt ?? '',
    i.decisionSource ?? '',
    i.decisionReason ?? '',
    i.decision && i.decision !== i.recommendation ? 'yes' : 'no',
    i.applied,
  ]);
  const facts = data.facts.map(([k, v]) => [`# ${k}: ${v}`]);
  return toSafeCsv([...facts, [`# Exported by ${data.exportedBy} at ${data.exportedAt}`], header, ...rows]);
}

export async function exportReport(
  deps: ReviewsServiceDeps,
  campaignId: string,
  format: 'csv' | 'pdf',
): Promise<DownloadFile> {
  const data = reportData(deps, campaignId);
  const csv = reportCsv(data);
  const csvSha256 = sha256Hex(csv);
  const bytes = format === 'pdf' ? await renderReportPdf(data, csvSha256) : null;
  const fileSha256 = bytes ? crypto.createHash('sha256').update(bytes).digest('hex') : csvSha256;
  appendAudit(deps.db, {
    actor: data.exportedBy,
    action: 'review.report_exported',
    subject: `review:${campaignId}`,
    instanceId: data.campaign.instanceId,
    at: data.exportedAt,
    details: { format, csvSha256, fileSha256, auditHeadSeq: data.auditHead?.seq ?? 0 },
  });
  const slug =
    data.campaign.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'review';
  return bytes
    ? {
        filename: `review-report-${slug}.pdf`,
        mime: 'application/pdf',
        encoding: 'base64',
        data: bytes.toString('base64'),
      }
    : { filename: `review-report-${slug}.csv`, mime: 'text/csv', encoding: 'utf8', data: csv };
}
