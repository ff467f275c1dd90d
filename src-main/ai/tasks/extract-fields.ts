/**
 * Extract fields from a document's text. Locally: "Label: value" lines (labels mapped to known
 * field names, anything else kept under its own label), then e-mail, phone and date patterns
 * anywhere in the text for the fields still missing. Each field says how it was found and how
 * sure that is; a full name is split into first and last name at lower confidence.
 */
import { z } from 'zod';
import type { KnownIdentifier } from '../pseudonymize';
import type { TaskSpec } from '../task';
import { round2 } from '../task';

export const FIELD_NAMES = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'title',
  'organization',
  'department',
  'startDate',
  'endDate',
  'employeeNumber',
  'managerName',
  'managerEmail',
  'address',
  'other',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export const extractFieldsInput = z.object({ text: z.string().max(200_000) }).strict();
export const extractFieldsOutput = z.object({
  fields: z
    .array(
      z.object({
        name: z.enum(FIELD_NAMES),
        /** The label as written, for 'other' (and for the record). */
        label: z.string().max(200),
        value: z.string().max(2000),
        confidence: z.number().min(0).max(1),
        how: z.enum(['label', 'pattern', 'split']),
        /** 1-based line of the text it came from; null when the model cannot say. */
        line: z.number().int().nullable(),
      }),
    )
    .max(200),
});
export type ExtractFieldsInput = z.infer<typeof extractFieldsInput>;
export type ExtractFieldsOutput = z.infer<typeof extractFieldsOutput>;
type Field = ExtractFieldsOutput['fields'][number];

const LABELS: [RegExp, FieldName][] = [
  [/^(first|given) ?name$|^prénom$/, 'firstName'],
  [/^(last|family) ?name$|^surname$|^nom$/, 'lastName'],
  [/^(full )?name$|^(applicant|employee|new user|user|staff|contact)( name)?$/, 'fullName'],
  [/^e-?mail( address)?$|^(work|business) e-?mail$/, 'email'],
  [/^(phone|telephone|tel|mobile|cell)( number| no\.?)?$|^(work|business) phone$/, 'phone'],
  [/^(job )?title$|^position$|^job$/, 'title'],
  [/^(organi[sz]ation|company|employer|agency|institution)( name)?$/, 'organization'],
  [/^(department|dept\.?|division|unit|team)$/, 'department'],
  [/^start( date)?$|^(effective|hire) date$|^starting$/, 'startDate'],
  [/^end( date)?$|^(expiry|expiration|access expiry) date$|^expires$/, 'endDate'],
  [/^(employee|staff|personnel) ?(number|no\.?|id|#)$/, 'employeeNumber'],
  [/^(manager|supervisor|reports to)( name)?$/, 'managerName'],
  [/^(manager|supervisor)('s)? e-?mail$/, 'managerEmail'],
  [/^(mailing |street |office )?address$/, 'address'],
];

const LINE = /^\s*([A-Za-z][A-Za-z0-9 .'’#/()-]{0,60}?)\s*[:：]\s*(.+?)\s*$/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?|\d{2,4}[\s.-])\d{3,4}[\s.-]\d{3,4}/g;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const MONTHS = 'january february march april may june july august september october november december'.split(' ');
const LONG_DATE =
  /\b(\d{1,2})?\s*(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})?,?\s*(\d{4})\b/gi;

function fieldOf(label: string): FieldName {
  const l = label.toLowerCase().replace(/\s+/g, ' ').trim();
  return LABELS.find(([re]) => re.test(l))?.[1] ?? 'other';
}

/** A date as YYYY-MM-DD when it can be read without guessing the day/month order; else as written. */
export function normalizeDate(text: string): { value: string; sure: boolean } {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (iso) return { value: iso[0], sure: true };
  const long = new RegExp(LONG_DATE.source, 'i').exec(text);
  if (long) {
    const day = long[1] ?? long[3];
    if (day) {
      const month = MONTHS.indexOf(long[2]!.toLowerCase()) + 1;
      return { value: `${long[4]}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`, sure: true };
    }
  }
  return { value: text.trim(), sure: false };
}

function fromLabels(lines: string[]): Field[] {
  const fields: Field[] = [];
  lines.forEach((raw, i) => {
    const m = LINE.exec(raw);
    if (!m || /^https?$/i.test(m[1]!)) return;
    const label = m[1]!.trim();
    const name = fieldOf(label);
    let value = m[2]!.trim();
    let confidence = name === 'other' ? 0.6 : 0.9;
    if (name === 'startDate' || name === 'endDate') {
      const d = normalizeDate(value);
      value = d.value;
      if (!d.sure) confidence = 0.6;
    }
    if ((name === 'email' || name === 'managerEmail') && !new RegExp(`^${EMAIL.source}$`).test(value)) confidence = 0.4;
    fields.push({ name, label, value, confidence, how: 'label', line: i + 1 });
  });
  return fields;
}

function fromPatterns(lines: string[], have: Set<FieldName>): Field[] {
  const fields: Field[] = [];
  const first = (re: RegExp): { value: string; line: number } | null => {
    for (let i = 0; i < lines.length; i++) {
      const m = new RegExp(re.source, re.flags).exec(lines[i]!);
      if (m) return { value: m[0], line: i + 1 };
    }
    return null;
  };
  const email = have.has('email') ? null : first(EMAIL);
  if (email) fields.push({ name: 'email', label: 'e-mail (found in text)', ...email, confidence: 0.7, how: 'pattern' });
  const phone = have.has('phone') ? null : first(PHONE);
  if (phone && phone.value.replace(/\D/g, '').length >= 7)
    fields.push({ name: 'phone', label: 'phone (found in text)', ...phone, confidence: 0.6, how: 'pattern' });
  const date = have.has('startDate') ? null : (first(ISO_DATE) ?? first(LONG_DATE));
  if (date)
    fields.push({
      name: 'startDate',
      label: 'date (found in text)',
      value: normalizeDate(date.value).value,
      line: date.line,
      confidence: 0.4,
      how: 'pattern',
    });
  return fields;
}

function splitName(fields: Field[], have: Set<FieldName>): Field[] {
  const full = fields.find((f) => f.name === 'fullName');
  if (!full || have.has('firstName') || have.has('lastName')) return [];
  const parts = full.value.includes(',')
    ? full.value
        .split(',')
        .map((p) => p.trim())
        .reverse()
    : full.value.split(/\s+/).filter(Boolean);
  if (parts.length < 2) return [];
  const confidence = round2(full.confidence * (parts.length === 2 ? 0.8 : 0.6));
  const base = { label: full.label, how: 'split' as const, line: full.line, confidence };
  return [
    { ...base, name: 'firstName', value: parts.slice(0, -1).join(' ') },
    { ...base, name: 'lastName', value: parts[parts.length - 1]! },
  ];
}

export function extractFieldsLocally(input: ExtractFieldsInput): ExtractFieldsOutput {
  const lines = input.text.split(/\r?\n/);
  const labelled = fromLabels(lines);
  const have = new Set(labelled.map((f) => f.name));
  const fields = [...labelled, ...splitName(labelled, have), ...fromPatterns(lines, have)];
  return { fields: fields.slice(0, 200) };
}

const IDENTIFYING: ReadonlySet<FieldName> = new Set([
  'firstName',
  'lastName',
  'fullName',
  'organization',
  'managerName',
  'address',
  'employeeNumber',
]);
const KIND_OF: Partial<Record<FieldName, KnownIdentifier['kind']>> = {
  organization: 'organization',
  address: 'address',
  employeeNumber: 'id',
};

export const extractFieldsTask: TaskSpec<typeof extractFieldsInput, typeof extractFieldsOutput> = {
  kind: 'extract_fields',
  input: extractFieldsInput,
  output: extractFieldsOutput,
  instructions:
    'Extract the fields of a user-onboarding document. Answer only with fields the text states; never guess. ' +
    'For each field give the label as written, the value exactly as written, a confidence 0-1 and the 1-based line.',
  // The document's own labelled values are the surest identifiers it carries; the rest of the text
  // is prose, where names are found as runs of capitalized words.
  identifiers: (input) =>
    extractFieldsLocally(input)
      .fields.filter((f) => IDENTIFYING.has(f.name))
      .map((f) => ({ kind: KIND_OF[f.name] ?? 'person', value: f.value })),
  pseudonymizeOptions: { capitalizedRuns: true },
  local: extractFieldsLocally,
  // A value the text does not contain was made up (dates may be rewritten as YYYY-MM-DD).
  verify: (out, input) => {
    const text = input.text.toLowerCase().replace(/\s+/g, ' ');
    const made = out.fields.find(
      (f) => !text.includes(f.value.toLowerCase().replace(/\s+/g, ' ').trim()) && !/^\d{4}-\d{2}-\d{2}$/.test(f.value),
    );
    return made ? `the text does not contain the value given for ${made.name}` : null;
  },
  summarize: (out) => {
    const known = out.fields.filter((f) => f.name !== 'other');
    const confidence = known.length ? round2(known.reduce((s, f) => s + f.confidence, 0) / known.length) : 0;
    const names = [...new Set(known.map((f) => f.name))];
    return {
      confidence,
      explanation:
        out.fields.length === 0
          ? 'No labelled line or recognizable pattern was found in the text.'
          : `Read ${out.fields.length} field${out.fields.length === 1 ? '' : 's'}${names.length ? ` (${names.join(', ')})` : ''}.`,
    };
  },
};
