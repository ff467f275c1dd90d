import { describe, expect, it } from 'vitest';
import { COMPARISONS, comparePair } from './comparisons';
import { MISSING } from './comparators';
import { prepareRecord } from './prepare';

const person = (id: string, given: string, email: string) =>
  prepareRecord({ id, fields: { given_name: given, surname: 'Lawson', email } });

describe('e-mail comparison', () => {
  it('gives no evidence for a local part spelled from a nickname, at another domain', () => {
    const a = person('1', 'Jack', 'jack.lawson@silverline.org');
    const b = person('2', 'Jack', 'jack.lawson@summitdance.org');
    const gamma = new Uint8Array(COMPARISONS.length);
    comparePair(COMPARISONS, a, b, gamma);
    expect(gamma[COMPARISONS.findIndex((c) => c.field === 'email')]).toBe(MISSING);
  });
});
