/**
 * `desk licenses [--cost admin=N,full=N,portal=N,api=N] [--currency C] [--renewal YYYY-MM-DD]
 * [--dormant-days N] [--plan] [--now ISO]`: licence use from the mirror: seats by type, dormant
 * accounts, the concurrent-session peak by hour, the recommendations with the yearly saving, and
 * with --plan a draft plan from them. Settings given are saved for the instance first.
 * --json prints the report ({seats, licensed, dormant, peak, recommendations, saving, ...}, plus
 * `plan` with --plan).
 */
import type { LicenseReport, LicenseSettings, SeatType } from '../../../src-preload/contract';
import { SEAT_TYPES } from '../../../src-preload/contract';
import type { Command } from '../command';
import { usageError } from '../output';
import { resolveInstance } from './instance-arg';

function costsOption(raw: unknown, current: LicenseSettings['costs']): LicenseSettings['costs'] | undefined {
  if (raw === undefined) return undefined;
  const costs = { ...current };
  for (const part of String(raw).split(',').filter(Boolean)) {
    const [type, value] = part.split('=').map((s) => s.trim());
    const n = Number(value);
    if (!(SEAT_TYPES as readonly string[]).includes(type ?? '') || value === undefined || !(n >= 0))
      throw usageError(
        `--cost takes seat=cost pairs for ${SEAT_TYPES.join(', ')}, e.g. full=420,portal=60 (not ${part}).`,
      );
    costs[type as SeatType] = n;
  }
  return costs;
}

function settingsFrom(values: Record<string, unknown>, current: LicenseSettings): Partial<LicenseSettings> {
  const settings: Partial<LicenseSettings> = {};
  const costs = costsOption(values.cost, current.costs);
  if (costs) settings.costs = costs;
  if (values.currency !== undefined) settings.currency = String(values.currency);
  if (values.renewal !== undefined) settings.renewalOn = values.renewal === 'none' ? null : String(values.renewal);
  if (values['dormant-days'] !== undefined) settings.dormantDays = Number(values['dormant-days']);
  return settings;
}

const money = (n: number, currency: string) => `${currency} ${Math.round(n).toLocaleString('en-US')}`;

function human(r: LicenseReport): string {
  const c = r.settings.currency;
  const bar = (n: number) => '#'.repeat(Math.round((n / Math.max(1, r.peak.overall.sessions)) * 40));
  return [
    `${r.licensed.toLocaleString('en-US')} licensed accounts (as of ${r.asOf}):`,
    ...r.seats.map((s) => `  ${s.label.padEnd(24)} ${String(s.accounts).padStart(6)}  ${money(s.total, c)}/year`),
    `${r.dormant.accounts} without a sign-in for ${r.dormant.days} days (${r.dormant.neverSignedIn} never signed in).`,
    `Concurrent sessions: peak ${r.peak.overall.sessions}${r.peak.overall.at ? ` at ${r.peak.overall.at} UTC` : ''}, by hour of day (UTC):`,
    ...r.peak.byHour.map((h) => `  ${String(h.hour).padStart(2, '0')}:00 ${String(h.peak).padStart(4)} ${bar(h.peak)}`),
    'Recommendations:',
    ...r.recommendations.map((x) => `  ${x.title}: ${x.accounts} accounts, saves ${money(x.saving, c)}/year`),
    `Projected saving: ${money(r.saving.perYear, c)} a year, ${r.saving.seats} seats.`,
  ].join('\n');
}

export const licensesCommand: Command = {
  name: 'licenses',
  usage:
    'licenses [--instance ID|NAME] [--cost admin=N,full=N,portal=N,api=N] [--currency C] [--renewal YYYY-MM-DD|none] [--dormant-days N] [--plan] [--now ISO-TIME]',
  summary: 'Licence use: seats by type, dormant accounts, the concurrency peak by hour, savings; --plan drafts a plan.',
  options: {
    instance: { type: 'string' },
    cost: { type: 'string' },
    currency: { type: 'string' },
    renewal: { type: 'string' },
    'dormant-days': { type: 'string' },
    plan: { type: 'boolean' },
    now: { type: 'string' },
  },
  async run({ values, out, session }) {
    if (values.now !== undefined && Number.isNaN(Date.parse(String(values.now))))
      throw usageError('--now takes an ISO time, e.g. 2026-11-20T12:00:00Z.');
    const now = values.now === undefined ? undefined : new Date(String(values.now)).toISOString();
    const instance = await resolveInstance(session, values.instance as string | undefined);
    let report = await session.call('licenses:report', { instanceId: instance.id, ...(now ? { now } : {}) });
    const settings = settingsFrom(values, report.settings);
    if (Object.keys(settings).length > 0) {
      await session.call('licenses:updateSettings', { instanceId: instance.id, settings });
      report = await session.call('licenses:report', { instanceId: instance.id, ...(now ? { now } : {}) });
    }
    const plan = values.plan
      ? await session.call('licenses:makePlan', { instanceId: instance.id, ...(now ? { now } : {}) })
      : undefined;
    out.result(
      {
        instance,
        ...report,
        ...(plan
          ? { plan: { id: plan.plan.id, title: plan.plan.title, operations: plan.added, rejected: plan.rejected } }
          : {}),
      },
      () =>
        [
          human(report),
          ...(plan ? [`Draft plan "${plan.plan.title}" (${plan.added} operations): desk plans to review it.`] : []),
        ].join('\n'),
    );
  },
};
