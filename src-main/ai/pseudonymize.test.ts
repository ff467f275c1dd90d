import { describe, expect, it } from 'vitest';
import { Pseudonymizer } from './pseudonymize';

const leaks = (payload: unknown, secrets: string[]) => {
  const text = JSON.stringify(payload).toLowerCase();
  return secrets.filter((s) => text.includes(s.toLowerCase()));
};

describe('Pseudonymizer', () => {
  it('replaces e-mails, phones, ids, addresses and known names in nested objects, keys included', () => {
    const p = new Pseudonymizer().learn([
      { kind: 'person', value: 'Maria Gonzalez' },
      { kind: 'organization', value: 'Northwind Foundation' },
    ]);
    const input = {
      note: 'Maria Gonzalez (maria.gonzalez@northwind.org, +1 416-555-0199) of Northwind Foundation, 221 Baker Street, M5V 2T6',
      people: [{ personId: 4417, email: 'MARIA.GONZALEZ@northwind.org', employee: 'Employee no. 0048213' }],
      deep: { a: { b: [{ c: 'Ms. Gonzalez called from (416) 555-0123' }] } },
      byEmail: { 'maria.gonzalez@northwind.org': { roleIds: [12, 13] } },
      count: 3,
    };
    const out = p.pseudonymize(input);
    expect(
      leaks(out, [
        'Maria',
        'Gonzalez',
        'northwind',
        '416',
        '555',
        '4417',
        '0048213',
        'Baker',
        'M5V',
        '"12"',
        ',12,',
        '[12',
        '13]',
      ]),
    ).toEqual([]);
    // Not an id: a plain count travels as it is.
    expect((out as { count: number }).count).toBe(3);
    // The same value (any case) is the same token everywhere.
    const o = out as { note: string; people: { email: string; personId: string }[] };
    expect(o.people[0]!.email).toBe('EMAIL_1');
    expect(o.note).toContain('EMAIL_1');
    expect(o.people[0]!.personId).toMatch(/^ID_\d+$/);
  });

  it('maps tokens in an answer back, with the original type for a whole-token value', () => {
    const p = new Pseudonymizer().learn([{ kind: 'person', value: 'Jane Roe' }]);
    const out = p.pseudonymize({ id: 901234, text: 'Jane Roe, jane@roe.example' }) as { id: string; text: string };
    const answer = {
      chosenId: out.id,
      why: `${out.text.split(',')[0]} has the same e-mail EMAIL_1`,
      list: [{ [out.id]: 'PERSON_1' }],
      unknown: 'PERSON_99 stays a token',
    };
    expect(p.reidentify(answer)).toEqual({
      chosenId: 901234,
      why: 'Jane Roe has the same e-mail jane@roe.example',
      list: [{ '901234': 'Jane Roe' }],
      unknown: 'PERSON_99 stays a token',
    });
  });

  it('finds names in prose only when asked, and leaves common capitalized words readable', () => {
    const text = 'Please add Priya Ramanathan as Program Manager. Start Date: Monday.';
    expect(new Pseudonymizer().text(text)).toBe(text);
    const p = new Pseudonymizer({ capitalizedRuns: true });
    const out = p.text(text);
    expect(out).not.toContain('Priya');
    expect(out).toContain('Program Manager');
    expect(out).toContain('Start Date');
    expect(p.reidentify(out)).toBe(text);
  });

  it('does not re-tokenize its own tokens and keeps tokens stable across calls', () => {
    const p = new Pseudonymizer().learn([{ kind: 'organization', value: 'Acme' }]);
    const a = p.text('Acme and bob@acme.io');
    const b = p.text(a);
    expect(b).toBe(a);
    expect(p.text('ACME')).toBe('ORG_1');
    expect(p.size).toBe(2);
  });
});
