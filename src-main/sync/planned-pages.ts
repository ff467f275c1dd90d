/**
 * A plan's first pages, kept for the run that follows it. Planning a first sync asks the server
 * how many records each step will bring; asking for the step's first page instead (at the size
 * the run will use) tells the same count, and the run then starts from that page rather than
 * asking for it again. The planning calls cost nothing extra: a full sync makes the fewest calls
 * its page sizes allow, planning included.
 *
 * A page is used only by the pass it was asked for (same step, same criteria, same size, the pass
 * at its very start) and only within a few minutes; its pass then counts as started when the page
 * was fetched, so the next incremental sync's watermark covers what changed in between.
 */
import type { ListPage, SmartConnectClient } from '../smartsimple/client';
import type { Criterion, KnownFunctionName } from '../smartsimple/protocol';

export interface PlannedPage {
  page: ListPage;
  pageSize: number;
  /** The criteria it was asked with, as JSON. */
  criteria: string;
  /** When it was fetched (the run's clock). */
  fetchedAt: number;
}

/** Step key (`people:full`) -> its first page. */
export type PlannedPages = Map<string, PlannedPage>;

/** A planned page is used within this long of its fetch. */
export const PLANNED_PAGE_TTL_MS = 10 * 60_000;

const EMPTY_PAGE: ListPage = {
  index: 0,
  records: [],
  recordfrom: 0,
  recordto: 0,
  recordcount: 0,
  allcount: 0,
  shifted: false,
};

/** One page of a List or Report-Query function: one call (`attempts` of it, default the client's). */
export async function fetchFirstPage(
  client: SmartConnectClient,
  fn: KnownFunctionName,
  source: 'list' | 'report',
  criteria: Criterion[],
  options: { pageSize: number; signal?: AbortSignal | undefined; attempts?: number | undefined },
): Promise<ListPage> {
  const listOptions = {
    criteria,
    pageSize: options.pageSize,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.attempts !== undefined ? { attempts: options.attempts } : {}),
  };
  const pages = source === 'report' ? client.reportQuery(fn, listOptions) : client.list(fn, listOptions);
  try {
    const first = await pages.next();
    return first.done ? EMPTY_PAGE : first.value;
  } finally {
    await pages.return(undefined);
  }
}

/** The planned first page of a pass just starting, taken out of `pages`; undefined when none fits. */
export function takePlannedPage(
  pages: PlannedPages | undefined,
  key: string,
  want: { criteria: Criterion[]; pageSize: number; now: number },
): PlannedPage | undefined {
  const planned = pages?.get(key);
  if (!planned) return undefined;
  pages?.delete(key);
  const fits =
    planned.pageSize === want.pageSize &&
    planned.criteria === JSON.stringify(want.criteria) &&
    want.now - planned.fetchedAt <= PLANNED_PAGE_TTL_MS;
  return fits ? planned : undefined;
}
