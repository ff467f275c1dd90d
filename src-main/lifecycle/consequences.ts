/**
 * Consequences of any plan before it is approved, beyond its own operations: who loses access,
 * roles left with no holder, programs left without a manager or with fewer reviewers, privileged
 * grants, and external people gaining internal roles. Each is counted, named, and points at the
 * operations behind it (the plan screen filters to them).
 *
 * Definitions (a test counts each again in SQL over the mirror):
 * - a person signs in when live, `Active` and not of access type none; "loses access" is a
 *   person who signs in before the plan and not after (deactivated, made inactive, access none),
 *   or who holds a profile role or an assignment before and none after;
 * - a role's holders are the live, active people holding it; a program's managers and reviewers
 *   the live, active people assigned with a role named like Manager / Reviewer;
 * - an internal role is the investigation's (flagged privileged, or held by 5+ of whom 95% internal).
 */
import type { Consequence, ConsequenceKind, Operation } from '../../src-preload/contract';
import { DEFAULT_DETECTOR_SETTINGS } from '../../src-preload/contract/investigate';
import { isInternalRole } from '../investigate/detectors/external-internal-role';
import type { ConsequenceFacts } from './store';

interface PersonState {
  active: boolean;
  signsIn: boolean;
  roles: Set<number>;
  /** `programId:roleId`. */
  assignments: Set<string>;
}
type Facts = ConsequenceFacts;
interface Touched {
  was: PersonState;
  now: PersonState;
  ops: Operation[];
}

function stateBefore(f: Facts, id: number, assignments: Map<number, Set<string>>): PersonState {
  const p = f.people.get(id);
  return {
    active: !!p?.active,
    signsIn: !!p && p.active && !p.accessNone,
    roles: new Set(f.holdings.get(id) ?? []),
    assignments: new Set(assignments.get(id) ?? []),
  };
}

function applyOp(s: PersonState, op: Operation, accessNone: { value: boolean }) {
  const p = op.params as { roleId?: number; programId?: number; status?: string; accessType?: string };
  if (op.kind === 'deactivate') s.active = false;
  if (op.kind === 'set_access') {
    if (p.status) s.active = p.status === 'Active';
    if (p.accessType) accessNone.value = p.accessType === '0';
  }
  if (op.kind === 'add_role' && p.roleId) s.roles.add(p.roleId);
  if (op.kind === 'remove_role' && p.roleId) s.roles.delete(p.roleId);
  if (op.kind === 'add_assignment') s.assignments.add(`${p.programId}:${p.roleId}`);
  if (op.kind === 'remove_assignment') s.assignments.delete(`${p.programId}:${p.roleId}`);
}

function assignmentsByPerson(f: Facts): Map<number, Set<string>> {
  const m = new Map<number, Set<string>>();
  for (const a of f.assignments) {
    let s = m.get(a.personId);
    if (!s) m.set(a.personId, (s = new Set()));
    s.add(`${a.programId}:${a.roleId}`);
  }
  return m;
}

/** Each touched person before and after the plan, with the operations on them. */
function touchedPeople(f: Facts, ops: Operation[], assignments: Map<number, Set<string>>): Map<number, Touched> {
  const byPerson = new Map<number, Operation[]>();
  for (const op of ops) if (op.personId !== null) byPerson.set(op.personId, [...(byPerson.get(op.personId) ?? []), op]);
  const out = new Map<number, Touched>();
  for (const [id, list] of byPerson) {
    if (!f.people.has(id)) continue;
    const was = stateBefore(f, id, assignments);
    const now: PersonState = { ...was, roles: new Set(was.roles), assignments: new Set(was.assignments) };
    const accessNone = { value: !!f.people.get(id)?.accessNone };
    for (const op of list) applyOp(now, op, accessNone);
    now.signsIn = now.active && !accessNone.value;
    out.set(id, { was, now, ops: list });
  }
  return out;
}

const NAMES_SHOWN = 20;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const nameOf = (f: Facts, id: number) => f.people.get(id)?.name ?? `Person ${id}`;

function consequence(kind: ConsequenceKind, names: string[], message: string, ops: Iterable<number>): Consequence {
  const operationIds = [...new Set(ops)].sort((a, b) => a - b);
  return { kind, count: names.length, message, names: names.slice(0, NAMES_SHOWN), operationIds };
}

function lostAccess(f: Facts, touched: Map<number, Touched>): Consequence | null {
  const names: string[] = [];
  const ops: number[] = [];
  const taking = new Set(['deactivate', 'set_access', 'remove_role', 'remove_assignment']);
  for (const [id, { was, now, ops: list }] of touched) {
    const emptied = was.roles.size + was.assignments.size > 0 && now.roles.size + now.assignments.size === 0;
    if (!(was.signsIn && !now.signsIn) && !emptied) continue;
    names.push(nameOf(f, id));
    ops.push(...list.filter((o) => taking.has(o.kind)).map((o) => o.id));
  }
  if (!names.length) return null;
  const message = `${plural(names.length, 'person loses', 'people lose')} access (cannot sign in, or left with no role and no program)`;
  return consequence('losesAccess', names, message, ops);
}

/** How many active people hold each key (a role id, a program id), before or after the plan. */
function holders(
  f: Facts,
  touched: Map<number, Touched>,
  assignments: Map<number, Set<string>>,
  keys: (s: PersonState) => Iterable<number>,
  after: boolean,
): Map<number, number> {
  const counts = new Map<number, number>();
  for (const id of f.people.keys()) {
    const t = touched.get(id);
    const s = t ? (after ? t.now : t.was) : stateBefore(f, id, assignments);
    if (!s.active) continue;
    for (const k of new Set(keys(s))) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** The operations that take a key away from its holders: removals of it, and deactivations of its holders. */
function opsTaking(
  touched: Map<number, Touched>,
  keys: (s: PersonState) => Iterable<number>,
  lost: Set<number>,
): number[] {
  const out: number[] = [];
  for (const t of touched.values()) {
    const had = [...keys(t.was)].filter((k) => lost.has(k));
    if (!had.length) continue;
    const still = new Set(t.now.active ? keys(t.now) : []);
    if (had.every((k) => still.has(k))) continue;
    out.push(
      ...t.ops
        .filter((o) => ['deactivate', 'set_access', 'remove_role', 'remove_assignment'].includes(o.kind))
        .map((o) => o.id),
    );
  }
  return out;
}

function programRoleKeys(f: Facts, pattern: RegExp) {
  const roleIds = new Set(f.assignments.filter((a) => pattern.test(a.roleName)).map((a) => a.roleId));
  for (const [id, r] of f.roles) if (pattern.test(r.name)) roleIds.add(id);
  return (s: PersonState) =>
    [...s.assignments].flatMap((k) => {
      const [program, role] = k.split(':').map(Number);
      return roleIds.has(role!) ? [program!] : [];
    });
}

function emptiedOrFewer(
  f: Facts,
  touched: Map<number, Touched>,
  assignments: Map<number, Set<string>>,
  spec: {
    kind: ConsequenceKind;
    keys: (s: PersonState) => Iterable<number>;
    name: (k: number) => string;
    fewer: boolean;
  },
  say: (names: string[], detail: string[]) => string,
): Consequence | null {
  const was = holders(f, touched, assignments, spec.keys, false);
  const now = holders(f, touched, assignments, spec.keys, true);
  const hit = [...was.keys()].filter((k) => (spec.fewer ? (now.get(k) ?? 0) < was.get(k)! : (now.get(k) ?? 0) === 0));
  if (!hit.length) return null;
  const names = hit.map(spec.name);
  const detail = hit.map((k) => `${spec.name(k)} (${was.get(k)} -> ${now.get(k) ?? 0})`);
  return consequence(spec.kind, names, say(names, detail), opsTaking(touched, spec.keys, new Set(hit)));
}

function granted(f: Facts, touched: Map<number, Touched>): Consequence[] {
  const privileged: string[] = [];
  const privilegedOps: number[] = [];
  const external: string[] = [];
  const externalOps: number[] = [];
  const stats = new Map<number, { internal: number; external: number }>();
  for (const [id, p] of f.people)
    for (const r of f.holdings.get(id) ?? []) {
      const s = stats.get(r) ?? { internal: 0, external: 0 };
      if (p.external) s.external++;
      else s.internal++;
      stats.set(r, s);
    }
  for (const [id, t] of touched) {
    const grants = t.ops.filter((o) => o.kind === 'add_role' || o.kind === 'add_assignment' || o.kind === 'set_access');
    const priv = grants.filter((o) => o.privileged);
    if (priv.length) {
      privileged.push(nameOf(f, id));
      privilegedOps.push(...priv.map((o) => o.id));
    }
    if (!f.people.get(id)?.external) continue;
    const internal = grants.filter((o) => {
      const roleId = (o.params as { roleId?: number }).roleId;
      return (
        o.kind === 'add_role' &&
        roleId !== undefined &&
        isInternalRole(
          f.roles.get(roleId) as Parameters<typeof isInternalRole>[0],
          stats.get(roleId),
          DEFAULT_DETECTOR_SETTINGS.internalRoleShare,
        )
      );
    });
    if (internal.length) {
      external.push(nameOf(f, id));
      externalOps.push(...internal.map((o) => o.id));
    }
  }
  const out: Consequence[] = [];
  if (privileged.length)
    out.push(
      consequence(
        'privilegedGranted',
        privileged,
        `${plural(privileged.length, 'person is', 'people are')} granted privileged access`,
        privilegedOps,
      ),
    );
  if (external.length)
    out.push(
      consequence(
        'externalGetsInternalRole',
        external,
        `${plural(external.length, 'external person gains', 'external people gain')} an internal role`,
        externalOps,
      ),
    );
  return out;
}

/** The consequences of a plan's operations over the mirror's facts, most serious first. */
export function planConsequences(f: Facts, ops: Operation[]): Consequence[] {
  const assignments = assignmentsByPerson(f);
  const touched = touchedPeople(f, ops, assignments);
  const roleName = (k: number) => f.roles.get(k)?.name ?? `Role ${k}`;
  const programName = (k: number) => f.programs.get(k) ?? `Program ${k}`;
  const found = [
    lostAccess(f, touched),
    emptiedOrFewer(
      f,
      touched,
      assignments,
      { kind: 'roleWithoutHolder', keys: (s) => s.roles, name: roleName, fewer: false },
      (n) => `${plural(n.length, 'role is', 'roles are')} left with no active holder: ${n.slice(0, 5).join(', ')}`,
    ),
    emptiedOrFewer(
      f,
      touched,
      assignments,
      { kind: 'programWithoutManager', keys: programRoleKeys(f, /manag/i), name: programName, fewer: false },
      (n) => `${plural(n.length, 'program is', 'programs are')} left without a manager: ${n.slice(0, 5).join(', ')}`,
    ),
    emptiedOrFewer(
      f,
      touched,
      assignments,
      { kind: 'fewerReviewers', keys: programRoleKeys(f, /review/i), name: programName, fewer: true },
      (n, d) => `${plural(n.length, 'program has', 'programs have')} fewer reviewers: ${d.slice(0, 5).join(', ')}`,
    ),
    ...granted(f, touched),
  ];
  return found.filter((c): c is Consequence => c !== null);
}
