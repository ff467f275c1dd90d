import { describe, expect, it } from 'vitest';
import { channels, CHANNEL_NAMES } from '../../src-preload/contract';
import { queryReadsAny, readsOf } from './data-changed';

describe('data:changed invalidation', () => {
  it('refreshes exactly the queries whose channel reads a changed table', () => {
    expect(queryReadsAny(['settings:get', undefined], ['settings'])).toBe(true);
    expect(queryReadsAny(['instances:list', undefined], ['settings'])).toBe(false);
    expect(queryReadsAny(['instances:list', undefined], ['jobs', 'instances'])).toBe(true);
  });

  it('never refreshes channels without reads, unknown channels or foreign keys', () => {
    expect(queryReadsAny(['app:info', undefined], ['settings', 'instances', 'jobs'])).toBe(false);
    expect(queryReadsAny(['nope:list'], ['settings'])).toBe(false);
    expect(queryReadsAny([42], ['settings'])).toBe(false);
    expect(queryReadsAny([], ['settings'])).toBe(false);
  });

  it('reads what the contract declares for every channel', () => {
    for (const name of CHANNEL_NAMES) {
      const def = channels[name];
      expect(readsOf(name)).toEqual('reads' in def && def.reads ? def.reads : []);
    }
  });
});
