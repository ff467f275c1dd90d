/**
 * Quarterly campaigns: each records the day the next one starts (three months after it was
 * made). Once it is signed off and that day has come, the next campaign is made with the same
 * scope, kinds, stages, default and recurrence, over the mirror as it then stands, due as many
 * days after its start as the first one was. A cancelled campaign ends its series.
 */
import type { CampaignSummary } from '../../src-preload/contract';
import { createCampaign, listCampaigns } from './campaigns';
import { dueRecurrences, linkNextCampaign, type CampaignRecord } from './campaigns-store';
import { dayOf, daysBetween, type ReviewsServiceDeps } from './deps';

/** "Quarterly access review · Q1 2027": the series' name with the quarter the campaign starts in. */
export function recurrenceName(name: string, start: string): string {
  const base = name.replace(/ · Q[1-4] \d{4}$/, '');
  const [y, m] = start.split('-').map(Number) as [number, number];
  return `${base} · Q${Math.floor((m - 1) / 3) + 1} ${y}`;
}

function startNext(deps: ReviewsServiceDeps, c: CampaignRecord, start: string, now: Date): string {
  const span = Math.max(1, daysBetween(dayOf(new Date(c.createdAt)), c.dueOn));
  const due = new Date(Date.parse(`${start}T00:00:00Z`) + span * 86_400_000);
  const id = createCampaign(
    deps,
    {
      instanceId: c.instanceId,
      name: recurrenceName(c.name, start),
      scope: c.scope,
      itemKinds: c.itemKinds,
      stages: c.stages,
      dueOn: dayOf(due < now ? now : due),
      defaultDecision: c.defaultDecision,
      recurrence: c.recurrence,
      now: now.toISOString(),
    },
    { seriesId: c.seriesId, sequence: c.sequence + 1 },
  );
  linkNextCampaign(deps.db, c.id, id);
  return id;
}

/** Starts every quarterly campaign whose day has come; returns the campaigns started. */
export function startDueCampaigns(deps: ReviewsServiceDeps, instanceId: string, now: Date): CampaignSummary[] {
  const id = deps.instances.get(instanceId).id;
  const started: string[] = [];
  for (const c of dueRecurrences(deps.db, id, dayOf(now))) {
    // A campaign signed off long after its quarter starts the next one now, not in the past.
    const start = c.nextStartOn! < dayOf(now) ? dayOf(now) : c.nextStartOn!;
    started.push(startNext(deps, c, start, now));
  }
  if (started.length === 0) return [];
  return listCampaigns(deps, id).filter((s) => started.includes(s.id));
}
