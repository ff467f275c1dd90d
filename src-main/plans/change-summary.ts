/**
 * What a batch of operations changes, counted by kind of change: "Status -> Inactive: 40 people",
 * "Remove profile role Payment Approver: 3 people". A preview says this before anything is added,
 * so the administrator reads exactly what a bulk action will do and to how many.
 */
import type { BuildChange } from '../../src-preload/contract';
import { ROLE_LIST_READ_FIELD } from '../smartsimple/protocol';
import { rolesOf, valueWords } from './operations';
import type { InstanceCatalogue } from './planning-context';
import type { FieldMap } from './types';

interface Changing {
  personId: number | null;
  kind: string;
  before: FieldMap;
  after: FieldMap;
}

/** The labels of one operation's changes. */
function changeLabels(op: Changing, catalogue: InstanceCatalogue): string[] {
  const role = (id: number) => catalogue.roles.get(id)?.name ?? `role ${id}`;
  if (op.kind === 'create_person') return ['Create a new person'];
  const out: string[] = [];
  for (const [key, value] of Object.entries(op.after)) {
    if (key === ROLE_LIST_READ_FIELD) continue;
    if (key.startsWith('UTA ')) {
      const [program = 0, roleId = 0] = key.slice(4).split(':').map(Number);
      const on = catalogue.programs.get(program) ?? `program ${program}`;
      out.push(value === '1' ? `Assign ${role(roleId)} on ${on}` : `Remove ${role(roleId)} from ${on}`);
      continue;
    }
    const label = key.replace(/^(sf|cf)_/, '');
    out.push(
      value === null || value === ''
        ? `Clear ${label}`
        : `${label} -> ${valueWords(key, value).replace(/^"(.*)"$/, '$1')}`,
    );
  }
  const before = new Set(rolesOf(op.before));
  const after = new Set(rolesOf(op.after));
  for (const r of after) if (!before.has(r)) out.push(`Add profile role ${role(r)}`);
  for (const r of before) if (!after.has(r)) out.push(`Remove profile role ${role(r)}`);
  return out;
}

/** Each kind of change with the number of people (or new people) it touches, most first. */
export function summarizeChanges(ops: readonly Changing[], catalogue: InstanceCatalogue): BuildChange[] {
  const people = new Map<string, Set<string>>();
  ops.forEach((op, i) => {
    const who = op.personId === null ? `new:${i}` : String(op.personId);
    for (const label of changeLabels(op, catalogue)) {
      const set = people.get(label) ?? new Set<string>();
      set.add(who);
      people.set(label, set);
    }
  });
  return [...people.entries()]
    .map(([label, set]) => ({ label, people: set.size }))
    .sort((a, b) => b.people - a.people || a.label.localeCompare(b.label));
}
