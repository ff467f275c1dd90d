import { describe, expect, it } from 'vitest';
import { createLocalEngine } from '../local-engine';
import { createTasks } from './index';

const local = createLocalEngine(createTasks());

const INTAKE = `New user request
First Name: Amara
Last name: Okafor
E-mail: amara.okafor@riverbend.example
Job Title: Grants Officer
Organization: Riverbend Community Trust
Start date: March 3, 2027
Badge colour: blue
Questions? Call the office at 613-555-0142.`;

describe('extractFields (local)', () => {
  it('reads labelled lines with confidence, maps labels, keeps unknown labels as other, and finds patterns', async () => {
    const a = await local.extractFields({ text: INTAKE });
    const by = Object.fromEntries(a.output.fields.map((f) => [f.name === 'other' ? f.label : f.name, f]));
    expect(by.firstName).toMatchObject({ value: 'Amara', how: 'label', confidence: 0.9, line: 2 });
    expect(by.lastName?.value).toBe('Okafor');
    expect(by.email?.value).toBe('amara.okafor@riverbend.example');
    expect(by.title?.value).toBe('Grants Officer');
    expect(by.organization?.value).toBe('Riverbend Community Trust');
    expect(by.startDate).toMatchObject({ value: '2027-03-03', confidence: 0.9 });
    expect(by['Badge colour']).toMatchObject({ name: 'other', value: 'blue', confidence: 0.6 });
    expect(by.phone).toMatchObject({ value: '613-555-0142', how: 'pattern', line: 9 });
    expect(a.engine).toBe('local');
    expect(a.fallbackReason).toBeNull();
    expect(a.confidence).toBeGreaterThan(0.7);
  });

  it('splits a full name at lower confidence and does not invent fields', async () => {
    const a = await local.extractFields({ text: 'Name: Jean-Luc Picard\nsomething without a label' });
    expect(a.output.fields.map((f) => [f.name, f.value, f.how])).toEqual([
      ['fullName', 'Jean-Luc Picard', 'label'],
      ['firstName', 'Jean-Luc', 'split'],
      ['lastName', 'Picard', 'split'],
    ]);
    expect((await local.extractFields({ text: 'nothing here' })).output.fields).toEqual([]);
  });

  it('keeps an ambiguous date as written, at lower confidence', async () => {
    const a = await local.extractFields({ text: 'Start date: 03/04/2027' });
    expect(a.output.fields[0]).toMatchObject({ value: '03/04/2027', confidence: 0.6 });
  });
});

describe('resolve (local fallback)', () => {
  const candidates = [
    { id: 11, name: 'Amara Okafor', email: 'amara.okafor@riverbend.example', organization: 'Riverbend' },
    { id: 12, name: 'Amara Okafor', email: 'a.okafor@other.example', organization: null },
    { id: 13, name: 'Someone Else', email: null, organization: null },
  ];
  it('an exact e-mail is a match; an exact name alone is possible; nothing is new', async () => {
    const byEmail = await local.resolve({
      kind: 'person',
      record: { name: 'A. Okafor', email: 'AMARA.OKAFOR@riverbend.example', organization: null },
      candidates,
    });
    expect(byEmail.output).toMatchObject({ decision: 'match', chosenId: 11 });
    const byName = await local.resolve({
      kind: 'person',
      record: { name: 'amara  okafor', email: null, organization: null },
      candidates,
    });
    expect(byName.output.decision).toBe('possible');
    const none = await local.resolve({
      kind: 'organization',
      record: { name: 'Unknown Org', email: null, organization: null },
      candidates,
    });
    expect(none.output).toEqual({ candidates: [], decision: 'new', chosenId: null });
  });

  it('delegates to the resolver passed in', async () => {
    const engine = createLocalEngine(createTasks(() => ({ candidates: [], decision: 'new', chosenId: null })));
    const a = await engine.resolve({
      kind: 'person',
      record: { name: 'Amara Okafor', email: 'amara.okafor@riverbend.example', organization: null },
      candidates,
    });
    expect(a.output.decision).toBe('new');
  });
});

describe('recommendRoles (local)', () => {
  const roles = [
    { id: 1, name: 'Reviewer' },
    { id: 2, name: 'Finance' },
    { id: 3, name: 'Global User Administrator' },
  ];
  const peers = (holdings: number[][]) => holdings.map((roleIds, i) => ({ personId: 100 + i, roleIds }));
  const person = { organization: null, department: 'Grants', title: null, roleIds: [] as number[] };

  it('recommends a role held by more than 70% of at least 5 peers, saying k of n', async () => {
    const a = await local.recommendRoles({
      person,
      roles,
      peers: peers([[1, 2], [1], [1, 3], [1, 2], [1], [2]]),
    });
    expect(a.output.recommendations).toHaveLength(1);
    expect(a.output.recommendations[0]).toMatchObject({ roleId: 1, holders: 5, peers: 6 });
    expect(a.output.recommendations[0]!.reason).toBe('5 of 6 similar people hold Reviewer.');
    // 70% exactly is not more than 70%: 7 of 10 is not recommended.
    const exactly = await local.recommendRoles({ person, roles, peers: peers([...Array(7).fill([2]), [], [], []]) });
    expect(exactly.output.recommendations).toEqual([]);
  });

  it('recommends nothing with fewer than 5 peers, and never a role already held', async () => {
    const few = await local.recommendRoles({ person, roles, peers: peers([[1], [1], [1], [1]]) });
    expect(few.output.recommendations).toEqual([]);
    expect(few.explanation).toMatch(/Only 4 similar people/);
    const held = await local.recommendRoles({
      person: { ...person, roleIds: [1] },
      roles,
      peers: peers(Array(6).fill([1])),
    });
    expect(held.output.recommendations).toEqual([]);
  });
});

describe('interpretQuestion (local)', () => {
  it('says it cannot read a question, guessing nothing (the grammar in src-main/ask reads questions locally)', async () => {
    const a = await local.interpretQuestion({
      question: 'Is the budget on track?',
      names: [],
      schema: 'the query object',
      today: '2026-11-20',
    });
    expect(a.output).toEqual({ status: 'cannot_read', query: null, unread: ['Is the budget on track?'] });
    expect(a.confidence).toBe(0);
  });
});

describe('explain (local)', () => {
  it('turns a structured explanation into sentences, strongest reason first', async () => {
    const a = await local.explain({
      topic: 'access review',
      conclusion: 'revoke the Finance role',
      reasons: [
        { text: 'no login in 200 days', weight: 0.4 },
        { text: 'the role is privileged', weight: 0.9 },
      ],
      caveats: ['the person is on leave until June'],
    });
    expect(a.output.sentences).toEqual([
      'Revoke the Finance role.',
      'The strongest reason: the role is privileged (weight 90%).',
      'Also: no login in 200 days (weight 40%).',
      'Note: The person is on leave until June.',
    ]);
  });
});
