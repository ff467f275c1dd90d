import { describe, expect, it } from 'vitest';
import type { Lexicon } from './grammar/lexicon';
import { exampleQuestions, nearestQuestions } from './suggest';

const lexicon = { byNorm: new Map(), utaOnlyRoles: new Set<string>() } as unknown as Lexicon;
const examples = exampleQuestions(lexicon);

describe('the nearest questions to one the grammar cannot read', () => {
  it('are near by words that carry meaning, not by "who" or "on"', () => {
    const pizza = nearestQuestions('who likes pizza on fridays', examples);
    expect(pizza).toHaveLength(3);
    expect(pizza.join(' ')).not.toMatch(/weekend/i);
    // Nothing shared: the leading examples, as they are.
    expect(pizza).toEqual(examples.slice(0, 3));
  });

  it('share a meaningful word with the question when one can', () => {
    expect(nearestQuestions('who was around at weekend time', examples)[0]).toMatch(/weekends/);
    expect(nearestQuestions('expired access people please', examples)[0]).toBe('Whose access has expired?');
    const ip = nearestQuestions('which IP addresses were used a lot', examples);
    expect(ip[0]).toMatch(/IP addresses/);
    expect(nearestQuestions('sessions by hour', examples)[0]).toMatch(/sessions per hour/);
  });
});
