/**
 * Access reviews as a service: campaigns over a scope with keep/revoke recommendations and every
 * reason, decisions by the item or by filter (recorded, reversible until the sign-off), stages,
 * the managers' workbook, the sign-off into a plan, the campaign report, quarterly recurrence,
 * and the AI record of how recommendations were received. README.md in this folder explains the
 * rules.
 */
import type { ChannelName, ParsedInputOf, ResultOf } from '../../src-preload/contract';
import { aiRecord } from './ai-record';
import { campaignDetail, createCampaign, listCampaigns, previewCampaign } from './campaigns';
import { advanceStage, decide, undo } from './decide';
import { campaignOf, nowOf, type ReviewsServiceDeps } from './deps';
import { itemWhere, queryItems } from './items-store';
import { startDueCampaigns } from './recurrence';
import { exportReport } from './report';
import { cancel, signOff } from './sign-off';
import { exportWorkbook, importWorkbook } from './workbook';

export type { ReviewsServiceDeps } from './deps';

type In<C extends ChannelName> = ParsedInputOf<C>;
type Out<C extends ChannelName> = ResultOf<C>;

export interface ReviewsService {
  list(instanceId: string): Out<'reviews:list'>;
  preview(input: In<'reviews:preview'>): Out<'reviews:preview'>;
  create(input: In<'reviews:create'>): Out<'reviews:create'>;
  get(campaignId: string): Out<'reviews:get'>;
  items(input: In<'reviews:items'>): Out<'reviews:items'>;
  decide(input: In<'reviews:decide'>): Out<'reviews:decide'>;
  undo(input: In<'reviews:undo'>): Out<'reviews:undo'>;
  advanceStage(campaignId: string): Out<'reviews:advanceStage'>;
  /** Undecided items take the default; the revocations become a draft plan. */
  signOff(campaignId: string): Out<'reviews:signOff'>;
  cancel(input: In<'reviews:cancel'>): Out<'reviews:cancel'>;
  startDue(input: In<'reviews:startDue'>): Out<'reviews:startDue'>;
  export(input: In<'reviews:export'>): Promise<Out<'reviews:export'>>;
  import(input: In<'reviews:import'>): Promise<Out<'reviews:import'>>;
  report(input: In<'reviews:report'>): Promise<Out<'reviews:report'>>;
  aiRecord(instanceId: string): Out<'reviews:aiRecord'>;
  /** Start-up: quarterly campaigns whose day came while the app was closed. */
  startDueEverywhere(): void;
}

export function createReviewsService(deps: ReviewsServiceDeps): ReviewsService {
  const detail = (id: string) => campaignDetail(deps, campaignOf(deps, id));
  return {
    list: (instanceId) => listCampaigns(deps, instanceId),
    preview: (input) => previewCampaign(deps, input),
    create: (input) => detail(createCampaign(deps, input)),
    get: detail,
    items({ campaignId, filter, sort, offset, limit }) {
      const c = campaignOf(deps, campaignId);
      return queryItems(deps.db, itemWhere(c.id, c.currentStage, filter), { sort, offset, limit });
    },
    decide: (input) => decide(deps, input),
    undo: ({ campaignId, actionId }) => undo(deps, campaignId, actionId),
    advanceStage(campaignId) {
      advanceStage(deps, campaignId);
      return detail(campaignId);
    },
    signOff(campaignId) {
      const { planId, operations } = signOff(deps, campaignId);
      const campaign = detail(campaignId);
      return { campaign, plan: planId ? { id: planId, title: campaign.plan?.title ?? '', operations } : null };
    },
    cancel({ campaignId, reason }) {
      cancel(deps, campaignId, reason);
      return detail(campaignId);
    },
    startDue: ({ instanceId, now }) => startDueCampaigns(deps, instanceId, now ? new Date(now) : nowOf(deps)),
    export: ({ campaignId, format }) => exportWorkbook(deps, campaignId, format),
    import: (input) => importWorkbook(deps, input),
    report: ({ campaignId, format }) => exportReport(deps, campaignId, format),
    aiRecord: (instanceId) => aiRecord(deps, instanceId),
    startDueEverywhere() {
      for (const instance of deps.instances.list()) startDueCampaigns(deps, instance.id, nowOf(deps));
    },
  };
}
