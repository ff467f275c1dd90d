/** The words administrators use for each field's label, in their common variants and languages. */
import type { IntakeStandardField } from '../../../src-preload/contract';

export const LEXICON: Record<IntakeStandardField | 'fullName', string[]> = {
  firstName: [
    'first name',
    'given name',
    'given names',
    'forename',
    'forenames',
    'first',
    'first/given name',
    'legal first name',
    'preferred first name',
    'prénom',
    'vorname',
    'nombre',
  ],
  lastName: [
    'last name',
    'family name',
    'family names',
    'surname',
    'last',
    'legal last name',
    'nom',
    'nom de famille',
    'nachname',
    'apellido',
    'apellidos',
  ],
  fullName: [
    'name',
    'full name',
    'employee name',
    'employee',
    'staff name',
    'staff member',
    'new user',
    'new user name',
    'user name',
    'name of new user',
    'new hire',
    'new starter',
    'new staff member',
    'person',
    'applicant name',
    'contractor name',
    'nom complet',
  ],
  email: [
    'email',
    'e-mail',
    'email address',
    'e-mail address',
    'work email',
    'work e-mail',
    'business email',
    'business e-mail',
    'office email',
    'work email address',
    'corporate email',
    'mail',
    'courriel',
    'adresse électronique',
    'correo electrónico',
  ],
  phone: [
    'phone',
    'telephone',
    'tel',
    'mobile',
    'cell',
    'phone number',
    'telephone number',
    'work phone',
    'office phone',
    'direct line',
    'business phone',
    'mobile number',
    'contact number',
    'téléphone',
    'teléfono',
  ],
  title: [
    'title',
    'job title',
    'position',
    'position title',
    'role title',
    'designation',
    'job',
    'job role',
    'post',
    'role',
    'occupation',
    'poste',
    'titre',
    'titre du poste',
    'cargo',
  ],
  organization: [
    'organization',
    'organisation',
    'company',
    'agency',
    'employer',
    'institution',
    'organization name',
    'organisation name',
    'company name',
    'ministry',
    'partner organization',
    'partner organisation',
    'entreprise',
    'organisme',
  ],
  department: [
    'department',
    'dept',
    'unit',
    'division',
    'team',
    'branch',
    'section',
    'business unit',
    'directorate',
    'département',
    'service',
  ],
  program: [
    'program',
    'programme',
    'program name',
    'programme name',
    'funding program',
    'funding programme',
    'grant program',
    'program area',
    'programme area',
    'programs',
    'programmes',
  ],
  startDate: [
    'start date',
    'start',
    'starting',
    'starting date',
    'starts',
    'commencing',
    'commencement date',
    'first day',
    'first day of work',
    'date of joining',
    'joining date',
    'effective date',
    'hire date',
    'date of hire',
    'access from',
    'access start date',
    "date d'entrée",
    'date de début',
  ],
  employeeNumber: [
    'employee no',
    'employee number',
    'employee id',
    'employee #',
    'staff id',
    'staff no',
    'staff number',
    'personnel number',
    'payroll number',
    'payroll id',
    'id number',
    'emp no',
    'emp id',
    'badge number',
    'matricule',
  ],
  managerName: [
    'manager',
    'reports to',
    'line manager',
    'supervisor',
    'reporting to',
    'manager name',
    'reporting manager',
    'direct manager',
    'supervisor name',
    'approver',
    'approving manager',
    'hiring manager',
    'responsable',
    'gestionnaire',
  ],
  requestedRoles: [
    'requested roles',
    'requested role',
    'requested access',
    'roles',
    'access',
    'roles requested',
    'access requested',
    'access required',
    'roles required',
    'access level',
    'permissions',
    'system roles',
    'smartsimple roles',
    'user roles',
    'user role',
    'security roles',
    'access rights',
    'rôles',
  ],
};

/** How a label matched: exactly, once decorations were dropped, or as a phrase inside it. */
export interface LabelMatch {
  field: string;
  quality: number;
}

export function normalizeLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/^[^\p{L}]+/u, '')
    .replace(/[*:：.#]+$/g, '')
    .replace(/[*:：]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function buildLabelIndex(custom: { label: string; field: string }[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const [field, labels] of Object.entries(LEXICON)) for (const l of labels) index.set(normalizeLabel(l), field);
  for (const m of custom) index.set(normalizeLabel(m.label), m.field);
  // OCR often loses the space between words ("Startdate"): each label also without its spaces.
  for (const [label, field] of [...index]) if (label.includes(' ')) index.set(label.replace(/ /g, ''), field);
  return index;
}

const DECORATIONS: [RegExp, string][] = [
  [
    /\s*\((?:s|es|required|optional|if known|if any|if applicable|work|business|official|dd\/mm\/yyyy|mm\/dd\/yyyy|yyyy-mm-dd|[^)]{0,20})\)\s*/g,
    ' ',
  ],
  [
    /^(?:the |your |their |new )?(?:new )?(?:user|employee|staff member|staff|starter|hire|person|applicant|contractor)(?:'s|s')\s+/,
    '',
  ],
  [/\s+(?:of|for) (?:the )?(?:new )?(?:user|employee|staff member|staff|starter|hire|person|applicant)$/, ''],
  [/^(?:please (?:enter|give|provide) (?:the |your )?)/, ''],
  [/\s*\/\s*/g, '/'],
];

/** The field a label names, with how well it matched; null for text that is no label of ours. */
export function matchLabel(index: Map<string, string>, raw: string): LabelMatch | null {
  const label = normalizeLabel(raw);
  if (!label || label.length > 48 || !/\p{L}/u.test(label)) return null;
  const exact = index.get(label);
  if (exact) return { field: exact, quality: 1 };
  let bare = label;
  for (const [re, by] of DECORATIONS) bare = bare.replace(re, by).trim();
  const plain =
    index.get(bare) ??
    index.get(bare.replace(/\(s\)$/, '').trim()) ??
    index.get(bare.replace(/[ ()]/g, '').replace(/s$/, ''));
  if (plain) return { field: plain, quality: 0.97 };
  // "Work e-mail / Courriel": either half.
  for (const half of bare.split('/')) {
    const hit = index.get(half.trim());
    if (hit && half.trim().length > 3) return { field: hit, quality: 0.95 };
  }
  // A known label as the last words of a short one ("Employee start date", "Official job title").
  const words = bare.split(' ');
  if (words.length <= 4)
    for (let i = 1; i < words.length; i++) {
      const tail = words.slice(i).join(' ');
      const hit = index.get(tail);
      if (hit && tail.length > 4 && !['name', 'start', 'first', 'last', 'job', 'post', 'person'].includes(tail))
        return { field: hit, quality: 0.85 };
    }
  return null;
}

/** The field a label names (compatibility with callers that need no quality). */
export function fieldForLabel(index: Map<string, string>, raw: string): string | null {
  return matchLabel(index, raw)?.field ?? null;
}
