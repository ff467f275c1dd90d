/**
 * The access troubleshooter on the sandbox, one check at a time: a person made to fail exactly that
 * check through the sandbox's own state (then synced) gets exactly that diagnosis; the fix plan,
 * approved and applied over real HTTP, makes every check pass after a sync. Where SmartConnect has
 * no call for the fix (a lock, a closed program, a removed record), no plan is offered, and the
 * check passes once the cause is lifted in the sandbox, as an administrator would in SmartSimple.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpdeskDiagnosis, HelpdeskTargetInput } from '../../src-preload/contract';
import type { Person, Program } from '../smartsimple/sandbox/model';
import { deskOnSandbox, type DeskOnSandbox } from './test-support/desk-on-sandbox';

let d: DeskOnSandbox;
const used = new Set<number>();

beforeAll(async () => {
  d = await deskOnSandbox();
}, 120_000);
afterAll(() => d?.close());

const role = (name: string) => d.sb.state.data.roles.find((r) => r.name === name)!;
const diagnose = (person: number | string, target: HelpdeskTargetInput): HelpdeskDiagnosis =>
  d.desk.diagnose({ instanceId: d.instanceId, person, target });
const isOpen = (p: Program) => !p.deleted && !/^(closed|draft)$/i.test(p.status);
const partsOf = (personId: number) =>
  d.sb.state.data.associations.filter((a) => !a.removed && a.contactId === personId);

/** A person (not used by another test) with whom nothing is wrong against `target`. */
function healthy(
  filter: (p: Person) => boolean,
  target: (p: Person) => HelpdeskTargetInput,
): { person: Person; target: HelpdeskTargetInput } {
  for (const person of d.sb.state.data.people) {
    if (person.deleted || used.has(person.id) || person.accessType !== '1' || !filter(person)) continue;
    const t = target(person);
    if (diagnose(person.id, t).failed.length === 0) {
      used.add(person.id);
      return { person, target: t };
    }
  }
  throw new Error('no healthy person in the sandbox for this test');
}

/** An external applicant on an open program, checked against that program. */
function healthyApplicant() {
  const programOf = (p: Person) => {
    const part = partsOf(p.id).find((a) => isOpen(d.sb.state.program(a.objectId)!));
    return part ? d.sb.state.program(part.objectId)! : undefined;
  };
  const found = healthy(
    (p) => p.isExternal && programOf(p) !== undefined,
    (p) => ({ kind: 'program', program: programOf(p)!.id }),
  );
  return { ...found, program: programOf(found.person)! };
}

/** Another program the person has no part on, open (reopened in the sandbox if it was not). */
function otherOpenProgram(person: Person, program: Program): Program {
  const other = d.sb.state.data.programs.find(
    (p) => !p.deleted && p.id !== program.id && !partsOf(person.id).some((a) => a.objectId === p.id),
  )!;
  if (!isOpen(other)) {
    d.sb.clock.advance(60_000);
    d.sb.state.setProgramStatus(other.id, 'Open', other.ownerId, d.sb.clock.now());
  }
  return other;
}

/** Applies the fix plan of a diagnosis, syncs, and diagnoses again. */
async function fixAndCheckAgain(before: HelpdeskDiagnosis, target: HelpdeskTargetInput) {
  const made = d.desk.createFixPlan(d.instanceId, before.outcomeId);
  expect(made.operations.length).toBeGreaterThan(0);
  expect(await d.apply(made.plan.id)).toEqual(made.operations.map(() => 'verified'));
  await d.sync();
  const after = diagnose(before.person.id, target);
  expect(after.failed).toEqual([]);
  return { made, after };
}

describe('checks a plan can fix', () => {
  it('access type: No access is diagnosed, and User access given by the plan', async () => {
    const { person, target } = healthyApplicant();
    person.accessType = '0';
    d.touch(person);
    await d.sync();
    const before = diagnose(person.id, target);
    expect(before.failed).toEqual(['access_type']);
    expect(before.checks.find((c) => c.id === 'access_type')).toMatchObject({ fix: 'plan', finding: /No access/ });
    const { made } = await fixAndCheckAgain(before, target);
    expect(made.operations).toEqual([expect.stringMatching(/Access Type: No access -> User/)]);
    expect(d.sb.state.person(person.id)?.accessType).toBe('1');
  });

  it('status: Pending is diagnosed, and the plan makes the person Active', async () => {
    const { person, target } = healthyApplicant();
    person.status = 'Pending';
    d.touch(person);
    await d.sync();
    const before = diagnose(person.email, target);
    expect(before.failed).toEqual(['status']);
    expect(before.summary).toMatch(/Pending/);
    await fixAndCheckAgain(before, target);
    expect(d.sb.state.person(person.id)?.status).toBe('Active');
  });

  it('expiry: a passed expiry is diagnosed, and the plan moves it 90 days past today', async () => {
    const { person, target } = healthyApplicant();
    person.accessExpiry = d.sb.clock.now() - 3 * 86_400_000;
    d.touch(person);
    await d.sync();
    const before = diagnose(person.id, target);
    expect(before.failed).toEqual(['expiry']);
    await fixAndCheckAgain(before, target);
    const expected = new Date(d.sb.clock.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    expect(new Date(d.sb.state.person(person.id)!.accessExpiry!).toISOString().slice(0, 10)).toBe(expected);
  });

  it('profile role: a role the person lacks is diagnosed, and the plan adds it', async () => {
    const wanted = d.sb.state.data.roles.find((r) => !r.utaOnly && !r.privileged && r.name === 'Report Viewer')!;
    const { person } = healthy(
      (p) => !p.isExternal && !p.roleIds.includes(wanted.id),
      () => ({ kind: 'portal' }),
    );
    // Nothing was wrong before: now ask about a role they do not hold.
    const target: HelpdeskTargetInput = { kind: 'role', role: wanted.id };
    const before = diagnose(person.id, target);
    expect(before.failed).toEqual(['role_held']);
    await fixAndCheckAgain(before, target);
    expect(d.sb.state.person(person.id)?.roleIds).toContain(wanted.id);
  });

  it('part on the program: none on a second program is diagnosed, and the plan assigns the applicant part', async () => {
    const { person, program } = healthyApplicant();
    const other = otherOpenProgram(person, program);
    await d.sync();
    const target: HelpdeskTargetInput = { kind: 'program', program: other.name };
    const before = diagnose(person.id, target);
    expect(before.failed).toEqual(['uta_role']);
    expect(before.fixOperations).toEqual([`Assign Applicant on ${other.name}`]);
    await fixAndCheckAgain(before, target);
    expect(partsOf(person.id).some((a) => a.objectId === other.id && a.roleId === role('Applicant').id)).toBe(true);
  });

  it('UTA-only role on the profile: diagnosed, and the plan takes it off the profile', async () => {
    const { person, target } = healthyApplicant();
    const reviewer = role('Reviewer');
    person.roleIds = [...person.roleIds, reviewer.id].sort((a, b) => a - b);
    d.touch(person);
    await d.sync();
    const before = diagnose(person.id, target);
    expect(before.failed).toEqual(['profile_uta_role']);
    expect(before.checks.find((c) => c.id === 'profile_uta_role')?.finding).toMatch(/Reviewer is on the profile/);
    await fixAndCheckAgain(before, target);
    expect(d.sb.state.person(person.id)?.roleIds).not.toContain(reviewer.id);
  });

  it('internal or external: an external person holding a staff part is diagnosed, and the plan swaps the part', async () => {
    const { person, program } = healthyApplicant();
    const other = otherOpenProgram(person, program);
    d.sb.state.addAssociation(other.id, person.id, role('Reviewer').id);
    await d.sync();
    const target: HelpdeskTargetInput = { kind: 'program', program: other.id };
    const before = diagnose(person.id, target);
    expect(before.failed).toEqual(['side']);
    expect(before.fixOperations).toEqual([`Remove Reviewer from ${other.name}`, `Assign Applicant on ${other.name}`]);
    await fixAndCheckAgain(before, target);
    expect(
      partsOf(person.id)
        .filter((a) => a.objectId === other.id)
        .map((a) => a.roleId),
    ).toEqual([role('Applicant').id]);
  });
});

describe('checks SmartConnect cannot fix', () => {
  const noPlan = (before: HelpdeskDiagnosis) => {
    expect(before.fixOperations).toEqual([]);
    expect(() => d.desk.createFixPlan(d.instanceId, before.outcomeId)).toThrow(/Nothing here can be changed/);
  };

  it('locked: a lock in the access log is diagnosed, and passes once an administrator unlocks it', async () => {
    const { person, target } = healthyApplicant();
    d.sb.clock.advance(60_000);
    d.sb.state.lockAccount(person.id, d.sb.clock.now());
    await d.sync();
    const before = diagnose(person.id, target);
    expect(before.failed).toEqual(['locked']);
    expect(before.checks.find((c) => c.id === 'locked')).toMatchObject({
      fix: 'outside',
      advice: /SmartConnect has no call/,
    });
    noPlan(before);
    d.sb.clock.advance(60_000);
    d.sb.state.unlockAccount(person.id, d.sb.state.data.apiAccount.personId, d.sb.clock.now());
    await d.sync();
    expect(diagnose(person.id, target).failed).toEqual([]);
  });

  it('program status: a closed program is diagnosed for an applicant, and passes once reopened', async () => {
    const { person, target, program } = healthyApplicant();
    const was = program.status;
    d.sb.clock.advance(60_000);
    d.sb.state.setProgramStatus(program.id, 'Closed', program.ownerId, d.sb.clock.now());
    await d.sync();
    const before = diagnose(person.id, target);
    expect(before.failed).toEqual(['program_status']);
    noPlan(before);
    d.sb.clock.advance(60_000);
    d.sb.state.setProgramStatus(program.id, was, program.ownerId, d.sb.clock.now());
    await d.sync();
    expect(diagnose(person.id, target).failed).toEqual([]);
  });

  it('person record: someone removed on their own is diagnosed, and passes once restored', async () => {
    const { person } = healthy(
      (p) => p.isExternal,
      () => ({ kind: 'portal' }),
    );
    d.sb.state.softDelete('user', person.id, d.sb.state.data.apiAccount.personId, d.sb.clock.now());
    await d.sync();
    const before = diagnose(person.id, { kind: 'portal' });
    expect(before.failed).toEqual(['record']);
    expect(before.person.removed).toBe(true);
    noPlan(before);
    d.sb.state.restore('user', person.id);
    await d.sync();
    expect(diagnose(person.id, { kind: 'portal' }).failed).toEqual([]);
  });

  it('organization: a removed organization (its people with it) is diagnosed, and passes once restored', async () => {
    const { person } = healthy(
      (p) => p.isExternal,
      () => ({ kind: 'portal' }),
    );
    d.sb.state.softDelete('company', person.companyId, d.sb.state.data.apiAccount.personId, d.sb.clock.now());
    await d.sync();
    const before = diagnose(person.id, { kind: 'portal' });
    expect(before.failed).toEqual(['organization']);
    expect(before.checks.find((c) => c.id === 'record')?.result).toBe('skip');
    noPlan(before);
    d.sb.state.restore('company', person.companyId);
    await d.sync();
    expect(diagnose(person.id, { kind: 'portal' }).failed).toEqual([]);
  });
});
