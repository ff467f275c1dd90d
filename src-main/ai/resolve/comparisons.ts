/**
 * The Fellegi-Sunter comparisons: for each field, the ordered agreement levels (best first) and
 * the function that puts a pair of prepared records at one of them. Missing on either side is
 * MISSING, which adds no evidence. A given name and surname entered the wrong way round are
 * compared crosswise, so the swap costs nothing.
 */
import { editLevel, jw, MISSING, textLevel } from './comparators';
import { ADDRESS_LEVELS, addressKey, addressLevel, hasAddress } from './address-comparison';
import { swapDayMonth } from './normalize-date';
import { type Prepared, type Text } from './prepare';

export interface Comparison {
  field: string;
  levels: readonly string[];
  compare(a: Prepared, b: Prepared, swapped: boolean): number;
  /** Whether a record has this field at all (fields no record has are left out of the model). */
  present(r: Prepared): boolean;
  /** The value whose frequency replaces u at the exact level (term-frequency adjustment). */
  tfValue?(r: Prepared): string;
  /** True for fields that tell one person from another in a household (see model.ts). */
  personal?: boolean;
}

const TEXT_LEVELS = ['exact', 'close', 'somewhat close', 'different'] as const;

function namesSwapped(a: Prepared, b: Prepared): boolean {
  if (!a.given.v || !a.surname.v || !b.given.v || !b.surname.v) return false;
  if (a.given.v === b.given.v || a.surname.v === b.surname.v) return false;
  // Most pairs are nowhere near a swap; a shared first letter crosswise is cheap to ask first.
  if (a.given.v[0] !== b.surname.v[0] && a.surname.v[0] !== b.given.v[0]) return false;
  const cross = jw(a.given, b.surname) + jw(a.surname, b.given);
  return cross >= 1.8 && cross > jw(a.given, b.given) + jw(a.surname, b.surname) + 0.1;
}

function sharesCode(x: [string, string], y: [string, string]): boolean {
  return !!x[0] && (x[0] === y[0] || x[0] === y[1] || (!!x[1] && (x[1] === y[0] || x[1] === y[1])));
}

function givenLevel(a: Text, b: Text, ac: [string, string], bc: [string, string]): number {
  if (!a.v || !b.v) return MISSING;
  if (a.v === b.v) return 0;
  const s = jw(a, b);
  // A shared prefix lifts Jaro-Winkler a lot ("charlotte"/"charles" 0.92): close means a typo too.
  if (s >= 0.92 && editLevel(a.v, b.v, 2) <= 2) return 1;
  if (s >= 0.8 || sharesCode(ac, bc)) return 2;
  const initial = (a.v.length === 1 || b.v.length === 1) && a.v[0] === b.v[0];
  return initial ? 3 : 4;
}

function surnameLevel(a: Text, b: Text, ac: [string, string], bc: [string, string]): number {
  let level = textLevel(a, b);
  // As for given names, "close" is a typo away; a longer edit with a shared prefix is somewhat close.
  if (level === 1 && a.sorted !== b.sorted && editLevel(a.v, b.v, 2) > 2) level = 2;
  return level === 3 && sharesCode(ac, bc) ? 2 : level;
}

function dobLevel(a: Prepared, b: Prepared): number {
  if (!a.dob || !b.dob) return MISSING;
  if (a.dob.digits === b.dob.digits) return 0;
  if (swapDayMonth(a.dob) === b.dob.digits) return 1;
  const edits = editLevel(a.dob.digits, b.dob.digits, 2);
  return edits === 1 ? 2 : edits === 2 ? 3 : 4;
}

/**
 * A local part spelled from the person's own name (robert.smith, rsmith, smithr) says nothing the
 * names have not said already: at another domain it is no evidence of its own.
 */
function nameDerivedLocal(r: Prepared): boolean {
  const local = r.emailLocal.replace(/[^a-z]/g, '');
  const surname = r.surname.v.replace(/[^a-z]/g, '');
  if (!local || !surname) return false;
  // The canonical given name ("jack" -> john) and the one written: the local part uses the latter.
  return [r.given.v, r.givenWritten].some((name) => {
    const given = name.replace(/[^a-z]/g, '');
    const forms = [
      given + surname,
      surname + given,
      given.slice(0, 1) + surname,
      surname + given.slice(0, 1),
      given + surname.slice(0, 1),
    ];
    return forms.includes(local);
  });
}

function emailLevel(a: Prepared, b: Prepared): number {
  if (!a.email || !b.email) return MISSING;
  if (a.email === b.email) return 0;
  if (a.emailLocal === b.emailLocal) return nameDerivedLocal(a) ? MISSING : 1;
  return editLevel(a.email, b.email, 2) <= 2 ? 2 : 3;
}

function text(field: string, pick: (r: Prepared) => Text, tf = false, close = 0.92, somewhat = 0.8): Comparison {
  return {
    field,
    levels: TEXT_LEVELS,
    compare: (a, b) => textLevel(pick(a), pick(b), close, somewhat),
    present: (r) => pick(r).v !== '',
    ...(tf ? { tfValue: (r: Prepared) => pick(r).v } : {}),
  };
}

function code(field: string, pick: (r: Prepared) => string, maxEdits: number, personal = false): Comparison {
  const levels = ['exact', 'one edit', 'two edits', 'three edits'].slice(0, maxEdits + 1).concat('different');
  return {
    field,
    levels,
    compare: (a, b) => editLevel(pick(a), pick(b), maxEdits),
    present: (r) => pick(r) !== '',
    personal,
  };
}

export const COMPARISONS: readonly Comparison[] = [
  {
    field: 'given_name',
    levels: ['exact', 'close', 'somewhat close', 'initial', 'different'],
    compare: (a, b, swapped) =>
      swapped
        ? givenLevel(a.given, b.surname, a.givenCodes, b.surnameCodes)
        : givenLevel(a.given, b.given, a.givenCodes, b.givenCodes),
    present: (r) => r.given.v !== '',
    tfValue: (r) => r.given.v,
    personal: true,
  },
  {
    field: 'surname',
    levels: TEXT_LEVELS,
    compare: (a, b, swapped) =>
      swapped
        ? surnameLevel(a.surname, b.given, a.surnameCodes, b.givenCodes)
        : surnameLevel(a.surname, b.surname, a.surnameCodes, b.surnameCodes),
    present: (r) => r.surname.v !== '',
    tfValue: (r) => r.surname.v,
  },
  {
    field: 'date_of_birth',
    levels: ['exact', 'day and month swapped', 'one edit', 'two edits', 'different'],
    compare: dobLevel,
    present: (r) => r.dob !== null,
    personal: true,
  },
  code('identifier', (r) => r.identifier, 2, true),
  {
    field: 'email',
    levels: ['exact', 'same local part', 'close', 'different'],
    compare: emailLevel,
    present: (r) => r.email !== '',
    personal: true,
  },
  code('phone', (r) => r.phone, 1),
  {
    field: 'address',
    levels: ADDRESS_LEVELS,
    compare: addressLevel,
    present: hasAddress,
    tfValue: addressKey,
  },
  text('organization', (r) => r.organization, true),
  text('title', (r) => r.title),
  text('department', (r) => r.department),
];

/** Fills `out` with the level of each comparison for the pair (a, b). */
export function comparePair(comparisons: readonly Comparison[], a: Prepared, b: Prepared, out: Uint8Array): void {
  const swapped = namesSwapped(a, b);
  for (let i = 0; i < comparisons.length; i += 1) out[i] = comparisons[i]!.compare(a, b, swapped);
}

/** The comparisons at least one record of the run can use. */
export function activeComparisons(records: readonly Prepared[]): Comparison[] {
  return COMPARISONS.filter((c) => records.some((r) => c.present(r)));
}
