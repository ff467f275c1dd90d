/**
 * `desk review create|status|export|import` for scripting an access review campaign:
 *   create --name N [--department D,D] [--program ID,ID] [--role ID,ID] [--org ID,ID] [--privileged]
 *          [--side internal|external] [--kinds role,assignment,access] [--due YYYY-MM-DD]
 *          [--default keep|revoke|recommendation] [--quarterly] [--stages Name:reviewers,...] [--now ISO]
 *   status [CAMPAIGN-ID]          the campaigns of the instance, or one campaign with its counts
 *   export CAMPAIGN-ID [--format xlsx|csv] [--out FILE]   the managers' workbook of the current stage
 *   import CAMPAIGN-ID FILE       a filled-in workbook, refused unless its hashes match an export
 * Findings are brought up to date first (create), so recommendations use the latest scan.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CampaignDetail, CampaignSummary, CreateCampaignInput } from '../../../src-preload/contract';
import { REVIEW_DEFAULTS, REVIEW_ITEM_KINDS, REVIEWER_KINDS } from '../../../src-preload/contract';
import type { Command, CommandInput } from '../command';
import { usageError } from '../output';
import { scanIfNeeded } from './findings';
import { resolveInstance } from './instance-arg';

const list = (raw: unknown) =>
  raw === undefined
    ? undefined
    : String(raw)
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);

function ids(raw: unknown, flag: string): number[] | undefined {
  const values = list(raw);
  if (!values) return undefined;
  const bad = values.filter((v) => !/^\d+$/.test(v));
  if (bad.length > 0) throw usageError(`--${flag} takes record ids separated by commas (not ${bad.join(', ')}).`);
  return values.map(Number);
}

function oneOf<T extends string>(raw: unknown, allowed: readonly T[], flag: string): T | undefined {
  if (raw === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(String(raw)))
    throw usageError(`--${flag} takes ${allowed.join(', ')} (not ${String(raw)}).`);
  return raw as T;
}

function stagesOf(raw: unknown): CreateCampaignInput['stages'] {
  const parts = list(raw) ?? ['Administrator:administrator'];
  return parts.map((part) => {
    const [name, reviewers = 'administrator'] = part.split(':').map((s) => s.trim());
    const kind = oneOf(reviewers, REVIEWER_KINDS, 'stages');
    if (!name || !kind) throw usageError('--stages takes Name:administrator or Name:managers, separated by commas.');
    return { name, reviewers: kind };
  });
}

function scopeOf(values: CommandInput['values']): CreateCampaignInput['scope'] {
  const side = oneOf(values.side, ['internal', 'external'] as const, 'side');
  const scope = {
    organizationIds: ids(values.org, 'org'),
    departments: list(values.department),
    roleIds: ids(values.role, 'role'),
    programIds: ids(values.program, 'program'),
    privilegedOnly: values.privileged ? true : undefined,
    side,
  };
  return Object.fromEntries(Object.entries(scope).filter(([, v]) => v !== undefined));
}

const pct = (a: number, b: number) => (b === 0 ? '100%' : `${Math.round((a / b) * 100)}%`);

const summaryLine = (c: CampaignSummary) =>
  `${c.id}  ${c.name} [${c.state.replace('_', ' ')}${c.overdue ? ', overdue' : ''}] stage ${c.currentStage}/${c.stages.length}: ` +
  `${c.counts.decided}/${c.counts.items} decided (${pct(c.counts.decided, c.counts.items)}), ${c.counts.revoke} revoke, due ${c.dueOn}`;

function detailText(c: CampaignDetail): string {
  return [
    summaryLine(c),
    `  Scope: ${c.scopeText}; ${c.counts.people} people, ${c.counts.items} items, ${c.counts.recommendedRevoke} recommended for revocation.`,
    ...c.reviewers.map((r) => `  ${r.name}: ${r.decided}/${r.items} decided`),
    ...(c.plan ? [`  Plan: ${c.plan.title} [${c.plan.state}]`] : []),
  ].join('\n');
}

async function create(input: CommandInput): Promise<void> {
  const { values, session, out } = input;
  if (!values.name) throw usageError('desk review create needs --name.');
  const now = values.now === undefined ? undefined : new Date(String(values.now));
  if (now && Number.isNaN(now.getTime())) throw usageError('--now takes an ISO time, e.g. 2026-11-20T12:00:00Z.');
  const kinds = list(values.kinds)?.map((k) => oneOf(k, REVIEW_ITEM_KINDS, 'kinds')!) ?? [...REVIEW_ITEM_KINDS];
  const due = String(
    values.due ?? new Date((now ?? new Date()).getTime() + 14 * 86_400_000).toISOString().slice(0, 10),
  );
  const instance = await resolveInstance(session, values.instance as string | undefined);
  await scanIfNeeded(input, instance.id, now?.toISOString());
  const campaign = await session.call('reviews:create', {
    instanceId: instance.id,
    name: String(values.name),
    scope: scopeOf(values),
    itemKinds: kinds,
    stages: stagesOf(values.stages),
    dueOn: due,
    defaultDecision: oneOf(values.default, REVIEW_DEFAULTS, 'default') ?? 'recommendation',
    recurrence: values.quarterly ? 'quarterly' : 'none',
    ...(now ? { now: now.toISOString() } : {}),
  });
  out.result(campaign, () => `Campaign created:\n${detailText(campaign)}`);
}

async function status(input: CommandInput, id: string | undefined): Promise<void> {
  const { values, session, out } = input;
  if (id) {
    const campaign = await session.call('reviews:get', { campaignId: id });
    return out.result(campaign, () => detailText(campaign));
  }
  const instance = await resolveInstance(session, values.instance as string | undefined);
  const campaigns = await session.call('reviews:list', { instanceId: instance.id });
  out.result({ instance, campaigns }, () =>
    campaigns.length === 0 ? `No campaigns on ${instance.name} yet.` : campaigns.map(summaryLine).join('\n'),
  );
}

async function exportFile(input: CommandInput, id: string): Promise<void> {
  const { values, session, out } = input;
  const format = oneOf(values.format ?? 'xlsx', ['xlsx', 'csv'] as const, 'format')!;
  const file = await session.call('reviews:export', { campaignId: id, format });
  const target = path.resolve(String(values.out ?? file.filename));
  fs.writeFileSync(target, file.encoding === 'base64' ? Buffer.from(file.data, 'base64') : file.data);
  const size = fs.statSync(target).size;
  out.result({ file: target, filename: file.filename, mime: file.mime, bytes: size }, () => `Wrote ${target}.`);
}

async function importFile(input: CommandInput, id: string, file: string | undefined): Promise<void> {
  const { session, out } = input;
  if (!file) throw usageError('desk review import CAMPAIGN-ID FILE');
  if (!fs.existsSync(file)) throw usageError(`No file ${file}.`);
  const format = file.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  const bytes = fs.readFileSync(file);
  const data = format === 'csv' ? bytes.toString('utf8') : bytes.toString('base64');
  const result = await session.call('reviews:import', { campaignId: id, format, data });
  out.result(result, () =>
    [
      `Imported ${result.imported} decisions from ${result.reviewers.join(', ') || 'the workbook'}; ${result.counts.decided}/${result.counts.items} decided.`,
      ...result.skipped.map((s) => `  skipped item ${s.itemId}: ${s.reason}`),
    ].join('\n'),
  );
}

export const reviewCommand: Command = {
  name: 'review',
  usage:
    'review create --name N [--department D,D] [--program ID,ID] [--role ID,ID] [--org ID,ID] [--privileged] [--side internal|external] [--kinds role,assignment,access] [--due YYYY-MM-DD] [--default keep|revoke|recommendation] [--quarterly] [--stages Name:administrator|managers,...] | review status [ID] | review export ID [--format xlsx|csv] [--out FILE] | review import ID FILE',
  summary: 'Access review campaigns: create one, see its progress, export the managers workbook, import it back.',
  options: {
    instance: { type: 'string' },
    name: { type: 'string' },
    department: { type: 'string' },
    program: { type: 'string' },
    role: { type: 'string' },
    org: { type: 'string' },
    privileged: { type: 'boolean' },
    side: { type: 'string' },
    kinds: { type: 'string' },
    due: { type: 'string' },
    default: { type: 'string' },
    quarterly: { type: 'boolean' },
    stages: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    now: { type: 'string' },
    'no-scan': { type: 'boolean' },
  },
  async run(input) {
    const [verb, id, file] = input.positionals;
    if (verb === 'create') return create(input);
    if (verb === 'status') return status(input, id);
    if (!id || (verb !== 'export' && verb !== 'import'))
      throw usageError('desk review create|status [ID]|export ID|import ID FILE');
    return verb === 'export' ? exportFile(input, id) : importFile(input, id, file);
  },
};
