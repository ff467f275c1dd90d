/** The hourly call budget as the screens show it: limit, used, remaining, and when the next call is allowed. */
import type { CallBudgetInfo } from '../../src-preload/contract';
import type { CallBudget } from '../smartsimple/client';

export function budgetInfo(budget: CallBudget, now = Date.now()): CallBudgetInfo {
  const next = budget.nextSlotAt(now);
  return {
    limit: budget.limit,
    used: budget.used(now),
    remaining: budget.remaining(now),
    nextSlotAt: next > now ? new Date(next).toISOString() : null,
  };
}
