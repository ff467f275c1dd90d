/** Access reviews: campaigns, items, decisions, stages, the workbook, sign-off, reports, the AI record; licenses. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

type ReviewsChannel = Extract<keyof Handlers, `reviews:${string}` | `licenses:${string}`>;

export function reviewsHandlers({ reviews, licenses }: Services): Pick<Handlers, ReviewsChannel> {
  return {
    'reviews:list': ({ instanceId }) => reviews.list(instanceId),
    'reviews:preview': (input) => reviews.preview(input),
    'reviews:create': (input) => reviews.create(input),
    'reviews:get': ({ campaignId }) => reviews.get(campaignId),
    'reviews:items': (input) => reviews.items(input),
    'reviews:decide': (input) => reviews.decide(input),
    'reviews:undo': (input) => reviews.undo(input),
    'reviews:advanceStage': ({ campaignId }) => reviews.advanceStage(campaignId),
    'reviews:signOff': ({ campaignId }) => reviews.signOff(campaignId),
    'reviews:cancel': (input) => reviews.cancel(input),
    'reviews:startDue': (input) => reviews.startDue(input),
    'reviews:export': (input) => reviews.export(input),
    'reviews:import': (input) => reviews.import(input),
    'reviews:report': (input) => reviews.report(input),
    'reviews:aiRecord': ({ instanceId }) => reviews.aiRecord(instanceId),
    'licenses:report': (input) => licenses.report(input),
    'licenses:updateSettings': (input) => licenses.updateSettings(input),
    'licenses:makePlan': (input) => licenses.makePlan(input),
  };
}
