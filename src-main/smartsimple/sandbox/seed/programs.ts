/**
 * Programs (UTA Level 1 records) and who plays which part on them: applicants (external people
 * with portal access), reviewers and program managers (staff). These are UTA role associations,
 * separate from profile roles.
 */
import { ACCESS_TYPES } from '../../protocol';
import type { Association, Person, Program, Role } from '../model';
import { DAY_MS, type GenContext } from './context';
import { PROGRAM_KINDS, PROGRAM_STATUSES, PROGRAM_THEMES } from './vocabulary';

export function programCount(people: number): number {
  return Math.min(300, Math.max(3, Math.round(people / 400) + 3));
}

export function buildPrograms(
  ctx: GenContext,
  people: readonly Person[],
  roles: readonly Role[],
): { programs: Program[]; associations: Association[]; nextAssociationId: number } {
  const rng = ctx.rng('programs');
  const now = ctx.now;
  const staff = people.filter((p) => !p.isExternal && p.accessType === ACCESS_TYPES.user);
  const owners = staff.filter((p) => p.department === 'Programs' || p.department === 'Grants Management');
  const reviewers = staff.filter((p) => p.department !== 'Information Technology');
  const applicants = people.filter((p) => p.isExternal && p.accessType === ACCESS_TYPES.user);
  const role = (name: string): Role | undefined => roles.find((r) => r.name === name);
  const applicant = role('Applicant');
  const reviewer = role('Reviewer');
  const manager = role('Program Manager');
  const committee = role('Committee Member');

  const count = programCount(ctx.options.people);
  const programs: Program[] = [];
  const ownerOf = new Map<Program, Person>();
  const usedNames = new Set<string>();
  let id = 300_000 + rng.int(0, 9_999);
  for (let i = 0; i < count; i++) {
    const year = new Date(now).getUTCFullYear() - rng.int(0, 3);
    let name = `${rng.pick(PROGRAM_THEMES)} ${rng.pick(PROGRAM_KINDS)} ${year}`;
    for (let n = 2; usedNames.has(name); n++) name = `${name.replace(/ \(\d+\)$/, '')} (${n})`;
    usedNames.add(name);
    const created = now - rng.int(30, 4 * 365) * DAY_MS;
    const owner = rng.pick(owners.length > 0 ? owners : staff);
    const program: Program = {
      id,
      name,
      status: rng.pick(PROGRAM_STATUSES),
      type: rng.pick(PROGRAM_KINDS),
      ownerId: owner.id,
      created,
      lastUpdated: Math.min(now - DAY_MS, created + rng.int(0, 300) * DAY_MS),
      updatedBy: owner.id,
      deleted: false,
    };
    programs.push(program);
    ownerOf.set(program, owner);
    id += rng.int(1, 40);
  }

  const associations: Association[] = [];
  let associationId = 5_000_000 + rng.int(0, 99_999);
  const add = (program: Program, contact: Person, roleId: number): void => {
    associations.push({ id: associationId, objectId: program.id, contactId: contact.id, roleId, removed: false });
    associationId += rng.int(1, 3);
  };
  for (const program of programs) {
    const owner = ownerOf.get(program);
    if (manager && owner) add(program, owner, manager.id);
    if (manager && owners.length > 1 && rng.chance(0.4)) {
      const second = rng.pick(owners);
      if (second !== owner) add(program, second, manager.id);
    }
    if (reviewer)
      for (const person of rng.sample(reviewers, rng.int(2, Math.min(10, Math.max(2, reviewers.length)))))
        add(program, person, reviewer.id);
    if (committee && rng.chance(0.5))
      for (const person of rng.sample(reviewers, rng.int(1, 3))) add(program, person, committee.id);
  }
  // Applicants: most portal users applied to one program, some to two or three.
  if (applicant && programs.length > 0) {
    for (const person of applicants) {
      if (!rng.chance(0.85)) continue;
      const n = Math.min(programs.length, rng.chance(0.75) ? 1 : rng.int(2, 3));
      const chosen = new Set<Program>();
      while (chosen.size < n) chosen.add(rng.pick(programs));
      for (const program of chosen) add(program, person, applicant.id);
    }
  }
  associations.sort((a, b) => a.objectId - b.objectId || a.id - b.id);
  // Ids in insertion order would group by program; renumber in the final order so ids ascend.
  let next = associations[0]?.id ?? associationId;
  for (const a of associations) {
    a.id = next;
    next += rng.int(1, 3);
  }
  return { programs, associations, nextAssociationId: next + 7 };
}
