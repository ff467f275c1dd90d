/**
 * What the help desk's troubleshooter needs the sandbox to represent: an account locked after
 * failed sign-ins (in the Access Modification log, as `locked`, lifted by `unlocked` or a password
 * reset) and a program whose status changes, both visible over real HTTP; and the seeded data of
 * existing seeds unchanged by these additions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInstance } from './seed/generate';
import { instanceDigest } from './seed/instance-digest';
import type { SandboxHandle } from './server';
import { call, startTestSandbox } from './test-support';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

async function latestAccessRow(personId: number) {
  const result = await call(sandbox, 'reports.access_modification', {
    criteria: [{ andor: 'and', field: 'userid', operator: '=', value: String(personId) }],
    sortby: [{ field: 'eventid', direction: 'desc' }],
    othersettings: { recordend: 1 },
  });
  return result.body.records?.[0];
}

describe('locked accounts', () => {
  it('logs a lock by the person themselves, and an unlock by the administrator who lifted it', async () => {
    const person = sandbox.state.data.people.find((p) => !p.deleted && p.accessType === '1' && p.status === 'Active')!;
    expect(sandbox.state.isLocked(person.id)).toBe(false);
    sandbox.clock.advance(60_000);
    expect(sandbox.state.lockAccount(person.id, sandbox.clock.now())).toBe(true);
    expect(sandbox.state.isLocked(person.id)).toBe(true);
    // Locking twice changes nothing.
    expect(sandbox.state.lockAccount(person.id, sandbox.clock.now())).toBe(false);
    expect(await latestAccessRow(person.id)).toMatchObject({
      action: 'locked',
      userid: String(person.id),
      changed_by: String(person.id),
      detail: 'too many failed sign-in attempts',
    });

    const admin = sandbox.state.data.apiAccount.personId;
    sandbox.clock.advance(60_000);
    expect(sandbox.state.unlockAccount(person.id, admin, sandbox.clock.now())).toBe(true);
    expect(sandbox.state.isLocked(person.id)).toBe(false);
    expect(sandbox.state.unlockAccount(person.id, admin, sandbox.clock.now())).toBe(false);
    expect(await latestAccessRow(person.id)).toMatchObject({ action: 'unlocked', changed_by: String(admin) });
  });

  it('counts a password reset as lifting the lock, and refuses unknown people', () => {
    const person = sandbox.state.data.people.find((p) => !p.deleted && p.isExternal)!;
    sandbox.state.lockAccount(person.id, sandbox.clock.now());
    sandbox.state.logAccess(person.id, 'password_reset', person.id, sandbox.clock.now() + 1000);
    expect(sandbox.state.isLocked(person.id)).toBe(false);
    expect(sandbox.state.lockAccount(1, sandbox.clock.now())).toBe(false);
  });
});

describe('program status', () => {
  it('changes the status and the last-updated stamp that an incremental sync selects by', async () => {
    const program = sandbox.state.data.programs.find((p) => !p.deleted && p.status !== 'Closed')!;
    sandbox.clock.advance(3_600_000);
    expect(sandbox.state.setProgramStatus(program.id, 'Closed', 1, sandbox.clock.now())).toBe(true);
    const listed = await call(sandbox, 'programs.list', {
      criteria: [{ andor: 'and', field: 'sf_Level One ID', operator: '=', value: String(program.id) }],
    });
    const record = listed.body.records?.[0] as Record<string, string>;
    expect(record.sf_Status).toBe('Closed');
    expect(Date.parse(`${record['sf_Last Updated']!.replace(' ', 'T')}Z`)).toBe(
      Math.floor(sandbox.clock.now() / 1000) * 1000,
    );
    expect(sandbox.state.setProgramStatus(1, 'Open', 1, sandbox.clock.now())).toBe(false);
  });
});

describe('seeded data', () => {
  // Taken before the lock actions and program statuses were added: existing seeds are unchanged.
  const BEFORE: [seed: number, people: number, digest: string][] = [
    [7, 1000, 'f653434007153dbe0fc1eeeed35050fadced10b25aa15bb19f2bdecea6cbfb33'],
    [5, 300, 'f72da51d64f8ddd35bcfe0567a785da276a48cfc8ce24a1298c0d0010e6b9938'],
    [11, 150, '86dff9ccf30ad182de1d2ad70b9a4c26bbdfd7ef80c9e4f3fa0ad25f070715bb'],
  ];
  it.each(BEFORE)('seed %i with %i people gives the same data as before', (seed, people, expected) => {
    expect(instanceDigest(generateInstance({ seed, people, now: Date.UTC(2026, 10, 1) }).data)).toBe(expected);
  });
});
