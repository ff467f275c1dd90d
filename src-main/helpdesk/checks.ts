/**
 * The access troubleshooter's checks: everything that decides whether a person can sign in, see a
 * program or use a role, run in a fixed order over facts read from the mirror. Pure functions:
 * each says what it found in words, what to change, and (where SmartConnect can make the change)
 * the plan operations that fix it. The decisions where SmartSimple's behaviour is not documented
 * are stated where they are made: a closed program hides from external people only, and a
 * program part is "for" the side that plays it at least 80% of the time.
 */
import { ACCESS_TYPES, parseWireDate } from '../smartsimple/protocol';
import type { HelpdeskCheckId, HelpdeskTargetKind } from '../../src-preload/contract';
import type { CheckOutcome, RoleFacts, Subject, SubjectPerson } from './types';

const DAY_MS = 86_400_000;
/** A part is played by one side when at least this share of its holders are on that side. */
const SIDE_SHARE = 0.8;
/** Below this many holders a part's side is not told. */
const SIDE_MIN_HOLDERS = 3;
/** Program statuses under which external people do not see the program (ours: see the guide). */
const HIDDEN_FROM_EXTERNAL = /^(closed|draft)$/i;

export const CHECK_LABELS: Record<HelpdeskCheckId, string> = {
  record: 'Person record',
  access_type: 'Access type',
  status: 'Status',
  expiry: 'Access expiry',
  locked: 'Locked account',
  role_held: 'Profile role',
  uta_role: 'Part on the program',
  profile_uta_role: 'UTA-only role on the profile',
  side: 'Internal or external',
  program_status: 'Program status',
  organization: 'Organization',
};

export const personName = (p: Pick<SubjectPerson, 'id' | 'firstName' | 'lastName'>) =>
  `${p.firstName} ${p.lastName}`.trim() || `person ${p.id}`;
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
const roleName = (s: Subject, id: number) => s.roles.get(id)?.name ?? `role ${id}`;

type Fields = Pick<CheckOutcome, 'finding'> & Partial<Pick<CheckOutcome, 'advice' | 'fix' | 'operations'>>;
const outcome = (id: HelpdeskCheckId, result: CheckOutcome['result'], f: Fields): CheckOutcome => ({
  id,
  label: CHECK_LABELS[id],
  result,
  finding: f.finding,
  advice: result === 'fail' ? (f.advice ?? null) : null,
  fix: result === 'fail' ? (f.fix ?? 'plan') : null,
  operations: result === 'fail' ? (f.operations ?? []) : [],
});
const pass = (id: HelpdeskCheckId, finding: string) => outcome(id, 'pass', { finding });
const skip = (id: HelpdeskCheckId, finding: string) => outcome(id, 'skip', { finding });

function recordCheck(s: Subject): CheckOutcome {
  const name = personName(s.person);
  if (!s.person.removedAt) return pass('record', `${name}'s record is live in SmartSimple.`);
  if (s.organization?.removedAt)
    return skip('record', `Removed together with their organization ${s.organization.name}: see Organization.`);
  return outcome('record', 'fail', {
    finding: `${name} was removed from SmartSimple (a sync found it on ${s.person.removedAt.slice(0, 10)}).`,
    advice: `Restore ${name} in SmartSimple (SmartConnect cannot restore a deleted record), then sync.`,
    fix: 'outside',
  });
}

function accessTypeCheck(s: Subject): CheckOutcome {
  const code = (s.person.accessType ?? '').trim();
  if (code === ACCESS_TYPES.user) return pass('access_type', 'User access: can sign in.');
  const finding =
    code === ACCESS_TYPES.none || code === ''
      ? 'No access: the person is a contact only and cannot sign in.'
      : code === ACCESS_TYPES.api
        ? 'API access: for integrations only, with no sign-in to the screens.'
        : `Access type "${code}" is not a sign-in access type.`;
  return outcome('access_type', 'fail', {
    finding,
    advice: `Give ${personName(s.person)} User access.`,
    operations: [
      {
        description: 'Set the access type to User',
        input: { kind: 'set_access', personId: s.person.id, accessType: ACCESS_TYPES.user },
      },
    ],
  });
}

function statusCheck(s: Subject): CheckOutcome {
  const status = (s.person.status ?? '').trim();
  if (/^active$/i.test(status)) return pass('status', 'Status Active.');
  const finding = /^pending$/i.test(status)
    ? 'Status is Pending: the account was created but never activated.'
    : /^inactive$/i.test(status)
      ? 'Status is Inactive: the account was switched off.'
      : status === ''
        ? 'No status is set: only Active users can sign in.'
        : `Status is ${status}: only Active users can sign in.`;
  return outcome('status', 'fail', {
    finding,
    advice: 'Set the status to Active.',
    operations: [
      {
        description: 'Set the status to Active',
        input: { kind: 'set_access', personId: s.person.id, status: 'Active' },
      },
    ],
  });
}

/** The day a passed expiry moves to: `days` from today. */
export const extendedExpiry = (now: Date, days: number) => dayOf(now.getTime() + days * DAY_MS);

function expiryCheck(s: Subject): CheckOutcome {
  const text = s.person.accessExpiry?.trim();
  if (!text) return pass('expiry', 'No access expiry date.');
  const at = parseWireDate(text);
  const now = s.now.getTime();
  if (at !== undefined && at > now)
    return pass('expiry', `Access expires on ${dayOf(at)} (in ${plural(Math.ceil((at - now) / DAY_MS), 'day')}).`);
  const next = extendedExpiry(s.now, s.expiryDays);
  return outcome('expiry', 'fail', {
    finding:
      at === undefined
        ? `The access expiry "${text}" cannot be read as a date.`
        : `Access expired on ${dayOf(at)}, ${plural(Math.max(0, Math.floor((now - at) / DAY_MS)), 'day')} ago: SmartSimple refuses the sign-in.`,
    advice: `Extend the expiry to ${next} (${s.expiryDays} days from today), or clear it if they should keep access.`,
    operations: [
      {
        description: `Extend the access expiry to ${next}`,
        input: { kind: 'set_access', personId: s.person.id, expiresOn: next },
      },
    ],
  });
}

function lockCheck(s: Subject): CheckOutcome {
  const lock = s.lock;
  if (!lock) return pass('locked', 'Not locked: the access log shows no lock.');
  const day = lock.at.slice(0, 10);
  if (lock.action !== 'locked')
    return pass(
      'locked',
      `Not locked: the last lock was lifted on ${day} by ${lock.action === 'password_reset' ? 'a password reset' : 'an administrator'}.`,
    );
  const name = personName(s.person);
  return outcome('locked', 'fail', {
    finding: `Locked on ${day}${lock.detail ? ` (${lock.detail})` : ''}, and not unlocked since (access log).`,
    advice:
      `Unlock ${name} in SmartSimple (their profile, Roles and Access, or the Locked Users list), or ask them to use ` +
      'Forgot password; SmartConnect has no call to unlock an account or reset a password. Then sync.',
    fix: 'outside',
  });
}

function roleHeldCheck(s: Subject): CheckOutcome {
  if (s.target.kind !== 'role') return skip('role_held', 'Only when checking a role.');
  const role = s.target.role;
  const name = personName(s.person);
  if (role.utaOnly)
    return outcome('role_held', 'fail', {
      finding: `${role.name} is a UTA-only role: it is held per program, never on the profile.`,
      advice: `Check ${name} against the program where they need ${role.name} instead.`,
      fix: 'outside',
    });
  if (s.person.roleIds.includes(role.id)) return pass('role_held', `Holds ${role.name} on the profile.`);
  if (role.removed)
    return outcome('role_held', 'fail', {
      finding: `Does not hold ${role.name}, and that role was removed from the catalogue.`,
      advice: `Choose a role that still exists, or bring ${role.name} back in SmartSimple.`,
      fix: 'outside',
    });
  return outcome('role_held', 'fail', {
    finding: `Does not hold ${role.name} on the profile.`,
    advice: `Give ${name} the profile role ${role.name}.`,
    operations: [
      {
        description: `Add the profile role ${role.name}`,
        input: { kind: 'add_role', personId: s.person.id, roleId: role.id },
      },
    ],
  });
}

function utaRoleCheck(s: Subject): CheckOutcome {
  if (s.target.kind !== 'program') return skip('uta_role', 'Only when checking a program.');
  const { program, parts, suggestedPart } = s.target;
  if (parts.length > 0)
    return pass('uta_role', `Holds ${list(parts.map((p) => roleName(s, p.roleId)))} on ${program.name}.`);
  const name = personName(s.person);
  const finding = `No part (UTA role) on ${program.name}: without one the program does not show.`;
  if (!suggestedPart)
    return outcome('uta_role', 'fail', {
      finding,
      advice: `Give ${name} a part on ${program.name}; no part of their side was found to suggest, so choose one.`,
    });
  return outcome('uta_role', 'fail', {
    finding,
    advice: `Give ${name} the part ${suggestedPart.name} on ${program.name}${peersPhrase(s, suggestedPart)}.`,
    operations: [
      {
        description: `Assign ${suggestedPart.name} on ${program.name}`,
        input: { kind: 'add_assignment', personId: s.person.id, programId: program.id, roleId: suggestedPart.roleId },
      },
    ],
  });
}

function peersPhrase(s: Subject, part: NonNullable<Extract<Subject['target'], { kind: 'program' }>['suggestedPart']>) {
  const side = s.person.isExternal ? 'external' : 'internal';
  return part.where === 'program' && part.peers > 0
    ? `, as ${plural(part.peers, `other ${side} person`, `other ${side} people`)} there have`
    : `, the part ${side} people play on other programs`;
}

function profileUtaRoleCheck(s: Subject): CheckOutcome {
  if (s.target.kind === 'portal') return skip('profile_uta_role', 'Only when checking a program or a role.');
  const misplaced = s.person.roleIds.map((id) => s.roles.get(id)).filter((r): r is RoleFacts => !!r?.utaOnly);
  if (misplaced.length === 0) return pass('profile_uta_role', 'No UTA-only role on the profile.');
  const names = list(misplaced.map((r) => r.name));
  const one = misplaced.length === 1;
  return outcome('profile_uta_role', 'fail', {
    finding: `${names} ${one ? 'is' : 'are'} on the profile, but ${one ? 'it is' : 'they are'} flagged UTA roles only: on a profile ${one ? 'it grants' : 'they grant'} nothing.`,
    advice: `Remove ${names} from the profile${s.target.kind === 'program' ? ` and give the part on ${s.target.program.name} instead, where it counts` : ''}.`,
    operations: misplaced.map((r) => ({
      description: `Remove ${r.name} from the profile`,
      input: { kind: 'remove_role' as const, personId: s.person.id, roleId: r.id },
    })),
  });
}

/** Which side plays a part, from its live holders: 'either' when mixed or too few to tell. */
export function sideOfPart(s: Pick<Subject, 'roleSides'>, roleId: number): 'external' | 'internal' | 'either' {
  const side = s.roleSides.get(roleId);
  if (!side || side.total < SIDE_MIN_HOLDERS) return 'either';
  if (side.external / side.total >= SIDE_SHARE) return 'external';
  if ((side.total - side.external) / side.total >= SIDE_SHARE) return 'internal';
  return 'either';
}

function sideCheck(s: Subject): CheckOutcome {
  if (s.target.kind !== 'program') return skip('side', 'Only when checking a program.');
  const { program, parts, suggestedPart } = s.target;
  if (parts.length === 0) return skip('side', 'No part on the program to compare: see Part on the program.');
  const mine = s.person.isExternal ? 'external' : 'internal';
  const fitting = parts.find((p) => sideOfPart(s, p.roleId) !== (mine === 'external' ? 'internal' : 'external'));
  if (fitting) {
    const side = sideOfPart(s, fitting.roleId);
    const who = side === 'either' ? 'internal and external people' : `${side} people`;
    return pass('side', `${roleName(s, fitting.roleId)} is a part ${who} play: it fits an ${mine} person.`);
  }
  const names = list(parts.map((p) => roleName(s, p.roleId)));
  const other = mine === 'external' ? 'internal staff' : 'external people';
  const finding =
    `${personName(s.person)} is ${mine}, but ${names} ${parts.length === 1 ? 'is a part' : 'are parts'} played by ${other} ` +
    `on programs: ${mine === 'external' ? 'external people' : 'staff'} do not see ${program.name} through ${parts.length === 1 ? 'it' : 'them'}.`;
  if (!suggestedPart)
    return outcome('side', 'fail', {
      finding,
      advice: `Replace ${names} with a part ${mine} people play; choose one.`,
    });
  const removals = parts.map((p) => ({
    description: `Remove ${roleName(s, p.roleId)} from ${program.name}`,
    input: { kind: 'remove_assignment' as const, personId: s.person.id, programId: program.id, roleId: p.roleId },
  }));
  return outcome('side', 'fail', {
    finding,
    advice: `Replace ${names} with ${suggestedPart.name}, the part ${mine} people play on ${program.name}.`,
    operations: [
      ...removals,
      {
        description: `Assign ${suggestedPart.name} on ${program.name}`,
        input: { kind: 'add_assignment', personId: s.person.id, programId: program.id, roleId: suggestedPart.roleId },
      },
    ],
  });
}

function programStatusCheck(s: Subject): CheckOutcome {
  if (s.target.kind !== 'program') return skip('program_status', 'Only when checking a program.');
  const { program } = s.target;
  if (program.removedAt)
    return outcome('program_status', 'fail', {
      finding: `${program.name} was removed from SmartSimple.`,
      advice: `Restore ${program.name} in SmartSimple if it was removed by mistake; Admin Desk does not change programs.`,
      fix: 'outside',
    });
  const status = program.status?.trim() || null;
  if (status && HIDDEN_FROM_EXTERNAL.test(status)) {
    if (!s.person.isExternal)
      return pass('program_status', `${program.name} is ${status}; staff with a part on it still see it.`);
    return outcome('program_status', 'fail', {
      finding: `${program.name} is ${status}: external people do not see a ${status.toLowerCase()} program in the portal.`,
      advice:
        `This is expected while the program is ${status}. If it should be open, its owner changes the status in ` +
        'SmartSimple; Admin Desk does not change programs.',
      fix: 'outside',
    });
  }
  return pass('program_status', status ? `${program.name} is ${status}.` : `${program.name} has no status set.`);
}

function organizationCheck(s: Subject): CheckOutcome {
  const org = s.organization;
  if (!org)
    return skip(
      'organization',
      `Organization ${s.person.companyId ?? '(none)'} is not in the mirror: sync, then check again.`,
    );
  if (org.removedAt)
    return outcome('organization', 'fail', {
      finding: `${org.name} was removed from SmartSimple${s.person.removedAt ? ', and its people with it' : ''}.`,
      advice: `Restore ${org.name} in SmartSimple (SmartConnect cannot restore a deleted organization); its people come back with it. Then sync.`,
      fix: 'outside',
    });
  return pass('organization', `${org.name} (${org.isExternal ? 'external' : 'internal'}) is live.`);
}

const CHECKS: readonly ((s: Subject) => CheckOutcome)[] = [
  recordCheck,
  accessTypeCheck,
  statusCheck,
  expiryCheck,
  lockCheck,
  roleHeldCheck,
  utaRoleCheck,
  profileUtaRoleCheck,
  sideCheck,
  programStatusCheck,
  organizationCheck,
];

/**
 * Every check, in order. A removed person cannot be changed by a plan until restored, so their
 * fixes become advice for after the restore.
 */
export function runChecks(s: Subject): CheckOutcome[] {
  const results = CHECKS.map((check) => check(s));
  if (!s.person.removedAt) return results;
  return results.map((c) =>
    c.fix === 'plan'
      ? { ...c, fix: 'outside', operations: [], advice: `${c.advice ?? ''} (Once the record is restored.)`.trim() }
      : c,
  );
}

/** One sentence: the verdict, with the first cause. */
export function summarize(
  who: { personName: string; targetKind: HelpdeskTargetKind; targetName: string },
  checks: readonly Pick<CheckOutcome, 'result' | 'finding'>[],
): string {
  const what =
    who.targetKind === 'program'
      ? `see ${who.targetName}`
      : who.targetKind === 'role'
        ? `use ${who.targetName}`
        : 'sign in';
  const failed = checks.filter((c) => c.result === 'fail');
  if (failed.length === 0) return `Nothing in the mirror keeps ${who.personName} from being able to ${what}.`;
  const more = failed.length > 1 ? ` (and ${plural(failed.length - 1, 'more cause')})` : '';
  return `${who.personName} cannot ${what}: ${failed[0]!.finding}${more}`;
}
