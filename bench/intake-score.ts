/**
 * How intake's reading of a document compares with its .expected.json: each expected field is
 * right or wrong (text compared without regard to case or spacing; a list as a set), per record
 * for a list. Fields found that the document does not state are counted as extra.
 */
import type { IntakeField } from '../src-preload/contract';

export type Expected = Record<string, string | string[]>;
export interface ExpectedFile {
  kind: string;
  fields?: Expected;
  records?: Expected[];
}
export interface Score {
  expected: number;
  right: number;
  extra: number;
  misses: string[];
}

const norm = (v: string) => v.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
const same = (got: string | string[] | undefined, want: string | string[]) => {
  if (got === undefined) return false;
  if (Array.isArray(want)) {
    const g = (Array.isArray(got) ? got : [got]).map(norm).sort();
    return JSON.stringify(g) === JSON.stringify(want.map(norm).sort());
  }
  return !Array.isArray(got) && norm(got) === norm(want);
};

function scoreRecord(got: Record<string, Pick<IntakeField, 'value'>>, want: Expected, label: string): Score {
  const misses: string[] = [];
  let right = 0;
  for (const [k, v] of Object.entries(want)) {
    if (same(got[k]?.value, v)) right++;
    else misses.push(`${label}${k}: want ${JSON.stringify(v)}, got ${JSON.stringify(got[k]?.value ?? null)}`);
  }
  const extra = Object.keys(got).filter((k) => !(k in want) && !k.startsWith('cf_')).length;
  return { expected: Object.keys(want).length, right, extra, misses };
}

/** `read` is what `desk intake --json` prints (fields, and records for a list). */
export function scoreDocument(
  read: { fields: Record<string, Pick<IntakeField, 'value'>>; records?: Record<string, Pick<IntakeField, 'value'>>[] },
  expected: ExpectedFile,
): Score {
  if (!expected.records) return scoreRecord(read.fields, expected.fields ?? {}, '');
  const rows = read.records ?? [read.fields];
  const total: Score = { expected: 0, right: 0, extra: 0, misses: [] };
  expected.records.forEach((want, i) => {
    const s = scoreRecord(rows[i] ?? {}, want, `record ${i + 1} `);
    total.expected += s.expected;
    total.right += s.right;
    total.extra += s.extra;
    total.misses.push(...s.misses);
  });
  return total;
}
