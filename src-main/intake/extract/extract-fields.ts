/**
 * The local engine: fields from page text. Label/value layouts first ("Label: value", label and
 * value in table cells, label above value), then prose and signatures, then loose evidence (any
 * e-mail address). Each field keeps its page and character range; text that addresses the AI is
 * only ever read as the fields it states.
 */
import type { IntakeField, IntakeMapping, IntakePage, IntakeRecord } from '../../../src-preload/contract';
import { buildLabelIndex, fieldForLabel } from './lexicon';
import { splitName, splitRoles, stripHonorific, toE164, toEmail, toIsoDate } from './normalize';
import { proseFields } from './prose';

interface Line {
  page: IntakePage;
  text: string;
  start: number;
}
type Fields = IntakeRecord['fields'];

function linesOf(page: IntakePage): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const raw of page.text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) out.push({ page, text: raw.trim(), start: at + lead });
    at += raw.length + 1;
  }
  return out;
}

export function sourceOf(page: IntakePage, start: number, end: number): IntakeField['source'] {
  const items = page.items.filter((i) => i.box && i.end > start && i.start < end);
  if (items.length === 0) return { page: page.number, start, end };
  const xs = items.map((i) => i.box!);
  const x = Math.min(...xs.map((b) => b.x));
  const y = Math.min(...xs.map((b) => b.y));
  const box = {
    x,
    y,
    w: Math.max(...xs.map((b) => b.x + b.w)) - x,
    h: Math.max(...xs.map((b) => b.y + b.h)) - y,
  };
  return { page: page.number, start, end, box };
}

/** Sets a field from raw text at [start,end) on a page, normalized; keeps the more confident value. */
export function put(fields: Fields, name: string, raw: string, at: { page: IntakePage; start: number }, conf: number) {
  const value = normalizeValue(name, raw);
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return;
  const existing = fields[name as keyof Fields];
  if (existing && existing.confidence >= conf) return;
  const offset = at.page.text.indexOf(raw, at.start);
  const start = offset >= 0 ? offset : at.start;
  fields[name as keyof Fields] = { value, confidence: conf, source: sourceOf(at.page, start, start + raw.length) };
}

function normalizeValue(name: string, raw: string): string | string[] | null {
  const v = raw.trim().replace(/\s+/g, ' ');
  switch (name) {
    case 'email':
      return toEmail(v);
    case 'phone':
      return toE164(v);
    case 'startDate':
      return toIsoDate(v);
    case 'requestedRoles':
      return splitRoles(raw);
    case 'managerName':
      return stripHonorific(v);
    case 'firstName':
    case 'lastName':
      return stripHonorific(v);
    default:
      return v;
  }
}

const SEP = /^(.{1,45}?)\s*(?::|\t|\s{2,}|\|)\s*(.+)$/;

function labelValue(lines: Line[], index: Map<string, string>, fields: Fields) {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = SEP.exec(line.text);
    if (m) {
      const field = fieldForLabel(index, m[1]!);
      if (field) {
        handle(fields, field, m[2]!, line, 0.95);
        continue;
      }
    }
    const alone = fieldForLabel(index, line.text);
    const next = lines[i + 1];
    const nextIsLabel = next
      ? fieldForLabel(index, next.text) || fieldForLabel(index, SEP.exec(next.text)?.[1] ?? '')
      : true;
    if (alone && next && next.page === line.page && !nextIsLabel) {
      handle(fields, alone, next.text, next, 0.85);
      i++;
    }
  }
}

function handle(fields: Fields, field: string, value: string, line: Line, conf: number) {
  if (field === 'fullName') return;
  put(fields, field, value, line, conf);
}

const FULL_NAME = [
  'name',
  'full name',
  'employee name',
  'staff name',
  'new user',
  'user name',
  'name of new user',
  'nom complet',
];

function fullNames(lines: Line[], fields: Fields) {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = SEP.exec(line.text);
    let label = m?.[1];
    let value = m?.[2];
    let at = line;
    if (!m && FULL_NAME.includes(line.text.toLowerCase().replace(/:$/, '')) && lines[i + 1]) {
      label = line.text.replace(/:$/, '');
      value = lines[i + 1]!.text;
      at = lines[i + 1]!;
    }
    if (!label || !value || !FULL_NAME.includes(label.toLowerCase().trim())) continue;
    const split = splitName(value);
    if (!split) continue;
    put(fields, 'firstName', split.first, at, 0.9);
    put(fields, 'lastName', split.last, at, 0.9);
  }
}

function looseEvidence(pages: IntakePage[], fields: Fields) {
  if (fields.email) return;
  for (const page of pages) {
    const m = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/.exec(page.text);
    if (m) return put(fields, 'email', m[0], { page, start: m.index }, 0.4);
  }
}

export function extractFields(pages: IntakePage[], mappings: IntakeMapping[]): IntakeRecord {
  const index = buildLabelIndex(mappings);
  const fields: Fields = {};
  const lines = pages.flatMap(linesOf);
  labelValue(lines, index, fields);
  fullNames(lines, fields);
  proseFields(pages, fields);
  looseEvidence(pages, fields);
  return { fields };
}
