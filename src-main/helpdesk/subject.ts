/**
 * Gathers what the checks read for one person and target, and resolves what the administrator
 * typed: a person by id, e-mail or name; a program or role by id or name. An unknown or ambiguous
 * name is a VALIDATION error that lists the candidates, never a guess.
 */
import type { DB } from '../db/open';
import { notFound, validation } from '../errors/app-error';
import type { HelpdeskTargetInput } from '../../src-preload/contract';
import { personName, sideOfPart } from './checks';
import {
  findPeopleByEmail,
  findPeopleByName,
  findProgramsByName,
  getSubjectOrganization,
  getSubjectPerson,
  getSubjectProgram,
  latestLockEvent,
  listParts,
  listRoleFacts,
  listRoleSides,
} from './subject-store';
import type {
  RoleFacts,
  RoleSide,
  Subject,
  SubjectPerson,
  SubjectProgram,
  SubjectTarget,
  SuggestedPart,
} from './types';

const CANDIDATES = 6;
const isId = (v: number | string): v is number => typeof v === 'number' || /^\d{1,15}$/.test(v.trim());

function ambiguous(what: 'people' | 'programs' | 'roles', typed: string, names: string[]): never {
  const count = names.length === CANDIDATES ? `${CANDIDATES} or more` : names.length;
  const hint = what === 'people' ? 'Use the id or the e-mail.' : 'Use the id or the whole name.';
  throw validation(`"${typed}" matches ${count} ${what}: ${names.join('; ')}. ${hint}`);
}

/** A person by id, e-mail or name (live people win over removed ones with the same name). */
export function resolvePerson(db: DB, instanceId: string, ref: number | string): SubjectPerson {
  if (isId(ref)) {
    const person = getSubjectPerson(db, instanceId, Number(ref));
    if (!person) throw notFound(`Person ${ref} in the mirror (sync first?)`);
    return person;
  }
  const text = ref.trim();
  const found = text.includes('@')
    ? findPeopleByEmail(db, instanceId, text, CANDIDATES)
    : findPeopleByName(db, instanceId, text, CANDIDATES);
  const live = found.filter((p) => !p.removedAt);
  const pool = live.length > 0 ? live : found;
  if (pool.length === 0) throw validation(`No one in the mirror matches "${text}". Try the e-mail or the id.`);
  if (pool.length > 1)
    ambiguous(
      'people',
      text,
      pool.map((p) => `${personName(p)} <${p.email}> (id ${p.id})`),
    );
  return pool[0]!;
}

function resolveProgram(db: DB, instanceId: string, ref: number | string): SubjectProgram {
  if (isId(ref)) {
    const program = getSubjectProgram(db, instanceId, Number(ref));
    if (!program) throw notFound(`Program ${ref} in the mirror (sync first?)`);
    return program;
  }
  const found = findProgramsByName(db, instanceId, ref.trim(), CANDIDATES);
  if (found.length === 0) throw validation(`No program in the mirror is called "${ref.trim()}".`);
  if (found.length > 1)
    ambiguous(
      'programs',
      ref.trim(),
      found.map((p) => `${p.name} (id ${p.id})`),
    );
  return found[0]!;
}

function resolveRole(roles: ReadonlyMap<number, RoleFacts>, ref: number | string): RoleFacts {
  if (isId(ref)) {
    const role = roles.get(Number(ref));
    if (!role) throw notFound(`Role ${ref} in the roles catalogue (sync first?)`);
    return role;
  }
  const typed = ref.trim().toLowerCase();
  const all = [...roles.values()];
  const exact = all.filter((r) => r.name.toLowerCase() === typed);
  const found = exact.length > 0 ? exact : all.filter((r) => r.name.toLowerCase().includes(typed));
  if (found.length === 0) throw validation(`No role in the catalogue is called "${ref.trim()}".`);
  if (found.length > 1)
    ambiguous(
      'roles',
      ref.trim(),
      found.slice(0, CANDIDATES).map((r) => `${r.name} (id ${r.id})`),
    );
  return found[0]!;
}

/**
 * The part to offer on a program: the UTA role most held there by people of the person's side,
 * else the one most held by their side across the instance.
 */
function suggestPart(
  roles: ReadonlyMap<number, RoleFacts>,
  instanceSides: ReadonlyMap<number, RoleSide>,
  programSides: readonly RoleSide[],
  external: boolean,
): SuggestedPart | null {
  const side = external ? 'external' : 'internal';
  const usable = (id: number) => {
    const role = roles.get(id);
    return !!role && role.utaOnly && !role.removed && sideOfPart({ roleSides: instanceSides }, id) === side;
  };
  const sameSide = (s: RoleSide) => (external ? s.external : s.total - s.external);
  const best = (sides: Iterable<RoleSide>) =>
    [...sides].filter((s) => usable(s.roleId) && sameSide(s) > 0).sort((a, b) => sameSide(b) - sameSide(a))[0];
  const here = best(programSides);
  if (here) return { roleId: here.roleId, name: roles.get(here.roleId)!.name, peers: sameSide(here), where: 'program' };
  const anywhere = best(instanceSides.values());
  return anywhere
    ? { roleId: anywhere.roleId, name: roles.get(anywhere.roleId)!.name, peers: 0, where: 'instance' }
    : null;
}

export interface SubjectOptions {
  now: Date;
  expiryDays: number;
}

/** Everything the checks need for one person and target, read from the mirror. */
export function loadSubject(
  db: DB,
  instanceId: string,
  person: SubjectPerson,
  targetInput: HelpdeskTargetInput,
  options: SubjectOptions,
): Subject {
  const roles = listRoleFacts(db, instanceId);
  const roleSides = new Map(listRoleSides(db, instanceId).map((s) => [s.roleId, s]));
  let target: SubjectTarget;
  if (targetInput.kind === 'program') {
    const program = resolveProgram(db, instanceId, targetInput.program);
    const programSides = listRoleSides(db, instanceId, program.id);
    target = {
      kind: 'program',
      program,
      parts: listParts(db, instanceId, person.id, program.id),
      suggestedPart: suggestPart(roles, roleSides, programSides, person.isExternal),
    };
  } else if (targetInput.kind === 'role') target = { kind: 'role', role: resolveRole(roles, targetInput.role) };
  else target = { kind: 'portal' };
  return {
    person,
    organization: person.companyId === null ? null : (getSubjectOrganization(db, instanceId, person.companyId) ?? null),
    roles,
    roleSides,
    lock: latestLockEvent(db, person.key) ?? null,
    target,
    now: options.now,
    expiryDays: options.expiryDays,
  };
}
