import { describe, expect, it } from 'vitest';
import { splitHash } from './hash-location';

describe('splitHash', () => {
  it('keeps the search of the hash apart from its path', () => {
    expect(splitHash('#/plans?plan=abc')).toEqual(['/plans', 'plan=abc']);
    expect(splitHash('#/people/12')).toEqual(['/people/12', '']);
    expect(splitHash('#plans?plan=a?b')).toEqual(['/plans', 'plan=a?b']);
    expect(splitHash('')).toEqual(['/', '']);
    expect(splitHash('#/')).toEqual(['/', '']);
  });
});
