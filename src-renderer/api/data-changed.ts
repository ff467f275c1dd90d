/**
 * Which cached queries a `data:changed` event makes stale: those whose channel's `reads` (declared
 * in the contract) share a table with the event. Kept pure so the rule is testable on its own.
 */
import { channels, isChannelName, type Table } from '../../src-preload/contract';

export function readsOf(channel: unknown): readonly Table[] {
  if (!isChannelName(channel)) return [];
  const def = channels[channel];
  return 'reads' in def && def.reads ? def.reads : [];
}

/** True when the query keyed `[channel, input]` reads any of `tables`. */
export function queryReadsAny(queryKey: readonly unknown[], tables: readonly Table[]): boolean {
  const reads = readsOf(queryKey[0]);
  return reads.some((t) => tables.includes(t));
}
