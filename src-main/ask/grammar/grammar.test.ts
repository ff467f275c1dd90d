/**
 * The grammar on a lexicon of its own (no database): how names are found (typos, "&", "'s", a
 * name that is also a grammar word, a name made of generic words) and a few readings whose query
 * object is checked field by field. The answers themselves are checked in questions.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildLexicon } from './lexicon';
import { parseQuestion } from './parse';

const NOW = Date.UTC(2026, 10, 20, 12);
const lexicon = buildLexicon({
  roles: [
    { name: 'Report Viewer', utaOnly: false },
    { name: 'Internal Staff', utaOnly: false },
    { name: 'Reviewer', utaOnly: true },
  ],
  departments: ['Programs', 'Finance'],
  organizations: ['Smith & Jones Foundation', "St. Mary's Trust", 'Programs', 'Finance'],
  programs: ['Arts Grant 2027'],
  titles: ['Researcher'],
  assignmentRoles: ['Reviewer'],
  statuses: ['Active', 'Inactive'],
  people: [{ id: 7, first: 'Ana', last: 'Rivera' }],
});
const read = (q: string) => {
  const r = parseQuestion(q, lexicon, NOW);
  if (!r.ok) throw new Error(`${q}: ${r.message}`);
  return r.query;
};

describe("the grammar finds the mirror's names", () => {
  it('with "&", an apostrophe, or a typo (said with the reading)', () => {
    expect(read('people at Smith & Jones Foundation').people).toEqual([
      { kind: 'organization', values: ['Smith & Jones Foundation'], negate: false },
    ]);
    expect(read("who works at St. Mary's Trust").people[0]).toMatchObject({ values: ["St. Mary's Trust"] });
    const typo = parseQuestion('who holds Reprot Veiwer', lexicon, NOW);
    expect(typo.ok && typo.query.people).toEqual([{ kind: 'role', roles: ['Report Viewer'], mode: 'any' }]);
    expect(typo.ok && typo.notes).toEqual(['"Reprot Veiwer" read as Report Viewer']);
  });

  it('tells the department "Programs" from the word "programs", and "internal staff" from the role', () => {
    expect(read('people in Programs').people).toEqual([{ kind: 'department', values: ['Programs'], negate: false }]);
    expect(read('how many people per program').output).toMatchObject({ kind: 'group', by: 'program' });
    expect(read('internal staff who logged in today').people).toEqual([{ kind: 'external', value: false }]);
    expect(read('who has the Internal Staff role').people).toEqual([
      { kind: 'role', roles: ['Internal Staff'], mode: 'any' },
    ]);
  });

  it('reads a program role on a program, either way round', () => {
    const want = [{ kind: 'program', program: 'Arts Grant 2027', role: 'Reviewer', negate: false }];
    expect(read('reviewers on Arts Grant 2027').people).toEqual(want);
    expect(read('Arts Grant 2027 reviewers').people).toEqual(want);
    expect(read('who reviews Arts Grant 2027').people).toEqual(want);
  });

  it('reads time into windows counted from now', () => {
    expect(read('who logged in in the last 30 days').activity?.window).toEqual({
      from: '2026-10-21 12:00:00',
      to: null,
    });
    expect(read('who logged in last month').activity?.window).toEqual({
      from: '2026-10-01 00:00:00',
      to: '2026-11-01 00:00:00',
    });
    expect(read('who logged in between 23:00 and 05:00 UTC on weekends').activity).toMatchObject({
      hours: { from: 23, to: 5 },
      weekdays: [0, 6],
    });
  });

  it('refuses what it cannot read, naming the words, never guessing', () => {
    const r = parseQuestion('who likes pizza', lexicon, NOW);
    expect(r).toMatchObject({ ok: false, unknown: ['pizza'] });
    expect(parseQuestion('list', lexicon, NOW)).toMatchObject({ ok: false });
  });
});
