/**
 * The help desk service on the sandbox, beyond the checks themselves: people named by text (an
 * ambiguous or unknown name refused with candidates, nothing recorded), the one-click resets as
 * plans (reset password refused: SmartConnect has no such call), one open fix plan per outcome,
 * the ticket draft with what was tried, and past resolutions (outcomes, applied plans with their
 * descriptions) found by the search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../smartsimple/sandbox/model';
import { listPlans } from '../plans';
import { ADMINISTRATOR, deskOnSandbox, type DeskOnSandbox } from './test-support/desk-on-sandbox';

let d: DeskOnSandbox;
beforeAll(async () => {
  d = await deskOnSandbox();
}, 120_000);
afterAll(() => d?.close());

const live = () =>
  d.sb.state.data.people.filter((p) => !p.deleted && p.accessType === '1' && p.status === 'Active' && !p.accessExpiry);
const outcomes = () => d.db.prepare('SELECT count(*) FROM helpdesk_outcomes').pluck().get() as number;
const plans = () => listPlans(d.db, { instanceId: d.instanceId }).length;

describe('naming the person', () => {
  it('refuses a name several people share, listing them, and one nobody has, recording nothing', () => {
    const before = outcomes();
    const shared = d.sb.state.data.people.find(
      (p) => !p.deleted && d.sb.state.data.people.some((q) => q !== p && !q.deleted && q.lastName === p.lastName),
    )!;
    expect(() =>
      d.desk.diagnose({ instanceId: d.instanceId, person: shared.lastName, target: { kind: 'portal' } }),
    ).toThrow(/matches \d+ people: .*\(id \d+\).*Use the id or the e-mail/);
    expect(() =>
      d.desk.diagnose({ instanceId: d.instanceId, person: 'Nobody Nowhere-Atall', target: { kind: 'portal' } }),
    ).toThrow(/No one in the mirror matches/);
    expect(() => d.desk.diagnose({ instanceId: d.instanceId, person: 99, target: { kind: 'portal' } })).toThrow(
      /Person 99 in the mirror/,
    );
    expect(outcomes()).toBe(before);
  });
});

describe('one-click resets', () => {
  it('reactivates someone Pending with a passed expiry in one access change, applied for real', async () => {
    const person = live()[0]!;
    person.status = 'Pending';
    person.accessExpiry = d.sb.clock.now() - 86_400_000;
    d.touch(person);
    await d.sync();
    const made = d.desk.reset(d.instanceId, person.id, 'reactivate');
    expect(made.plan.title).toBe(`Reactivate ${person.firstName} ${person.lastName}`);
    expect(made.operations).toHaveLength(1);
    expect(made.operations[0]).toMatch(/Status: "?Pending"? -> "?Active"?/);
    expect(await d.apply(made.plan.id)).toEqual(['verified']);
    expect(d.sb.state.person(person.id)).toMatchObject({ status: 'Active' });
    expect(d.sb.state.person(person.id)!.accessExpiry!).toBeGreaterThan(d.sb.clock.now());
  });

  it('extends an expiry from its own date, and refuses what would change nothing', () => {
    const person = live()[1]!;
    expect(() => d.desk.reset(d.instanceId, person.id, 'extend_expiry')).toThrow(/no access expiry date to extend/);
    expect(() => d.desk.reset(d.instanceId, person.id, 'reactivate')).toThrow(/already has User access/);
  });

  it('refuses to reset a password, saying why, and makes no plan', () => {
    const before = plans();
    const person = live()[2]!;
    let error: unknown;
    try {
      d.desk.reset(d.instanceId, person.id, 'reset_password');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/SmartConnect has no call/) });
    expect(plans()).toBe(before);
    const diagnosis = d.desk.diagnose({ instanceId: d.instanceId, person: person.id, target: { kind: 'portal' } });
    expect(diagnosis.resets.find((r) => r.kind === 'reset_password')).toMatchObject({ available: false });
  });
});

describe('fix plans, tickets and past resolutions', () => {
  let person: Person;
  let program: { id: number; name: string };

  beforeAll(async () => {
    person = live().find((p) => p.isExternal && !d.sb.state.data.associations.some((a) => a.contactId === p.id))!;
    program = d.sb.state.data.programs.find((p) => !p.deleted)!;
    if (/^(closed|draft)$/i.test(d.sb.state.program(program.id)!.status)) {
      d.sb.state.setProgramStatus(program.id, 'Open', 1, d.sb.clock.now());
      await d.sync();
    }
  });

  it('makes one open fix plan per outcome, under the administrator, with the diagnosis as its description', () => {
    const diagnosis = d.desk.diagnose({
      instanceId: d.instanceId,
      person: person.email,
      target: { kind: 'program', program: program.name },
    });
    expect(diagnosis.failed).toEqual(['uta_role']);
    const made = d.desk.createFixPlan(d.instanceId, diagnosis.outcomeId);
    const plan = listPlans(d.db, { instanceId: d.instanceId }).find((p) => p.id === made.plan.id)!;
    expect(plan).toMatchObject({ state: 'draft', createdBy: ADMINISTRATOR });
    expect(plan.description).toMatch(/Part on the program: No part \(UTA role\)/);
    expect(() => d.desk.createFixPlan(d.instanceId, diagnosis.outcomeId)).toThrow(/already made from this check/);
    expect(d.desk.outcome(d.instanceId, diagnosis.outcomeId).plan).toMatchObject({ id: made.plan.id, state: 'draft' });
  });

  it('drafts a ticket with every check, what was tried and what is needed; after the apply, the search finds it', async () => {
    const [first] = d.desk.history(d.instanceId, person.id);
    await d.apply(first!.plan!.id);
    await d.sync();
    const again = d.desk.diagnose({
      instanceId: d.instanceId,
      person: person.id,
      target: { kind: 'program', program: program.id },
    });
    expect(again.failed).toEqual([]);
    const ticket = d.desk.ticket(d.instanceId, again.outcomeId);
    expect(ticket.subject).toBe(`${person.firstName} ${person.lastName} cannot see the program ${program.name}`);
    expect(ticket.text).toContain(`<${person.email}>`);
    expect(ticket.text.match(/^ {2}(OK|FAIL|--) /gm)).toHaveLength(11);
    expect(ticket.text).toMatch(/- Plan "Help desk: .+": applied/);
    expect(ticket.text).toMatch(/Checked 1 time before/);
    expect(ticket.text).not.toMatch(/password|apitoken/i);

    const found = d.desk.search(d.instanceId, `${person.firstName} ${person.lastName} ${program.name}`);
    const sources = found.passages.map((p) => p.source);
    expect(sources).toContain('outcome');
    expect(sources).toContain('plan');
    const plan = found.passages.find((p) => p.source === 'plan')!;
    expect(plan.body).toMatch(/Part on the program/);
    expect(plan.body).toContain(`for ${person.firstName} ${person.lastName}`);
  });

  it('finds a dismissed finding by its reason once the findings capability hands it over', () => {
    d.desk.indexFinding({
      id: 'f-1',
      instanceId: d.instanceId,
      title: 'Off-hours sign-in from a new address',
      summary: `${person.firstName} ${person.lastName} signed in at 02:10 from 203.0.113.9.`,
      decision: 'dismissed',
      reason: 'Travelling to the Lisbon conference that week; confirmed with the grantee.',
      people: [`${person.firstName} ${person.lastName}`],
      decidedAt: '2026-11-01T09:00:00.000Z',
    });
    const found = d.desk.search(d.instanceId, 'why was the off-hours sign-in alert dismissed? conference');
    const finding = found.passages.find((p) => p.source === 'finding');
    expect(finding).toMatchObject({
      ref: 'finding:f-1',
      title: 'Finding dismissed: Off-hours sign-in from a new address',
    });
    expect(finding?.body).toMatch(/Dismissed: Travelling to the Lisbon conference/);
  });
});
