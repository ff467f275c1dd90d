/** The words administrators use for each field's label, in their common variants. */
import type { IntakeStandardField } from '../../../src-preload/contract';

export const LEXICON: Record<IntakeStandardField, string[]> = {
  firstName: ['first name', 'given name', 'given names', 'given name(s)', 'forename', 'first', 'prénom', 'vorname'],
  lastName: ['last name', 'family name', 'surname', 'last', 'nom', 'nachname', 'family name(s)'],
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'work email', 'work e-mail', 'mail', 'courriel'],
  phone: ['phone', 'telephone', 'tel', 'tel.', 'mobile', 'cell', 'phone number', 'work phone', 'téléphone'],
  title: ['title', 'job title', 'position', 'role title', 'position title', 'designation', 'poste'],
  organization: ['organization', 'organisation', 'company', 'agency', 'employer', 'institution', 'organization name'],
  department: ['department', 'unit', 'division', 'team', 'branch', 'service', 'section'],
  program: ['program', 'programme', 'program name', 'funding program', 'programme name'],
  startDate: [
    'start date',
    'commencing',
    'commencement date',
    'starting',
    'start',
    'first day',
    'date of joining',
    'effective date',
  ],
  employeeNumber: [
    'employee no',
    'employee no.',
    'employee number',
    'employee id',
    'staff id',
    'staff no',
    'staff number',
    'personnel number',
    'id number',
  ],
  managerName: ['manager', 'reports to', 'line manager', 'supervisor', 'reporting to', 'manager name'],
  requestedRoles: [
    'requested roles',
    'requested access',
    'roles',
    'access',
    'roles requested',
    'access requested',
    'requested roles/access',
    'role(s)',
  ],
};

export function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/[*:]+/g, '').replace(/\s+/g, ' ').trim();
}

export function buildLabelIndex(custom: { label: string; field: string }[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const [field, labels] of Object.entries(LEXICON)) for (const l of labels) index.set(normalizeLabel(l), field);
  for (const m of custom) index.set(normalizeLabel(m.label), m.field);
  return index;
}

/** The field a label names: exact, then without a trailing "(s)", "name" or "of the user". */
export function fieldForLabel(index: Map<string, string>, raw: string): string | null {
  const label = normalizeLabel(raw);
  if (!label || label.length > 40) return null;
  const tries = [
    label,
    label.replace(/\(s\)$/, '').trim(),
    label.replace(/\bof (the )?(new )?(user|employee|staff)\b/, '').trim(),
  ];
  for (const t of tries) {
    const hit = index.get(t);
    if (hit) return hit;
  }
  return null;
}
