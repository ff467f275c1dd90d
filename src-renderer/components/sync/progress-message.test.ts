import { describe, expect, it } from 'vitest';
import { parseProgressMessage } from './progress-message';

describe('sync progress message', () => {
  it('splits step, calls and time left', () => {
    expect(parseProgressMessage('People: 500 of 1,000 · 3 calls · about 5 s left')).toEqual({
      step: 'People: 500 of 1,000',
      calls: '3 calls',
      left: '5 s',
      waiting: null,
    });
    expect(parseProgressMessage('Roles: 0 of 0 · 0 calls')).toMatchObject({
      step: 'Roles: 0 of 0',
      calls: '0 calls',
      left: null,
    });
  });

  it('keeps a wait for the hourly limit whole', () => {
    const m = 'Waiting for the SmartSimple hourly limit until 14:05';
    expect(parseProgressMessage(m)).toEqual({ step: null, calls: null, left: null, waiting: m });
  });

  it('copes with no message', () => {
    expect(parseProgressMessage(null)).toEqual({ step: null, calls: null, left: null, waiting: null });
  });
});
