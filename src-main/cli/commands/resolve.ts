/**
 * `desk dedupe FILE.csv` and `desk link A.csv B.csv`: entity resolution over CSV files, one JSON
 * line per predicted match ({"left", "right", "confidence", "why"}). `--id COL` names the column
 * that labels rows (never a feature); columns are mapped from their headers, `--map` overrides
 * (`--map "Given Name=given_name,Family=surname"`). No backend, no network: files in, lines out.
 */
import fs from 'node:fs';
import {
  CANONICAL_FIELDS,
  dedupe,
  link,
  readRecordsCsv,
  type CanonicalField,
  type ResolveResult,
  type ScoredPair,
} from '../../ai/resolve';
import type { Command, CommandInput } from '../command';
import { usageError } from '../output';

const OPTIONS = {
  id: { type: 'string' },
  map: { type: 'string' },
  threshold: { type: 'string' },
  review: { type: 'boolean' },
} as const;

export function mappingOptions(values: CommandInput['values']) {
  const overrides: Record<string, CanonicalField | null> = {};
  for (const part of String(values.map ?? '')
    .split(',')
    .filter(Boolean)) {
    const [header, field] = part.split('=').map((s) => s.trim());
    if (!header || !field) throw usageError(`--map takes HEADER=field pairs separated by commas, not "${part}".`);
    if (field !== '-' && !(CANONICAL_FIELDS as readonly string[]).includes(field))
      throw usageError(
        `--map: "${field}" is not a field; one of ${CANONICAL_FIELDS.join(', ')}, or - to leave a column out.`,
      );
    overrides[header] = field === '-' ? null : (field as CanonicalField);
  }
  return {
    ...(values.id !== undefined ? { id: String(values.id) } : {}),
    ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
  };
}

function thresholdOf(values: CommandInput['values']): number | undefined {
  if (values.threshold === undefined) return undefined;
  const t = Number(values.threshold);
  if (!(t > 0 && t <= 1)) throw usageError('--threshold is a match probability above 0, at most 1.');
  return t;
}

function readFile(file: string | undefined, values: CommandInput['values']) {
  if (!file) throw usageError('Name the CSV file.');
  if (!fs.existsSync(file)) throw usageError(`No file ${file}.`);
  return readRecordsCsv(file, mappingOptions(values));
}

function printPairs(out: CommandInput['out'], result: ResolveResult, withReview: boolean): void {
  const line = (p: ScoredPair, kind: 'match' | 'review') =>
    out.line(
      {
        left: p.left,
        right: p.right,
        confidence: Number(p.probability.toFixed(6)),
        why: p.why,
        ...(kind === 'review' ? { review: true } : {}),
      },
      () => `${kind === 'match' ? 'same  ' : 'review'}  ${p.left}  ${p.right}  ${(p.probability * 100).toFixed(1)}%`,
    );
  for (const p of result.matches) line(p, 'match');
  if (withReview) for (const p of result.review) line(p, 'review');
  out.progress(
    `${result.matches.length} matches${withReview ? `, ${result.review.length} to review` : ''}; ${result.stats.records} records, ${result.stats.candidatePairs} pairs compared.`,
  );
}

const thresholds = (values: CommandInput['values']) => {
  const same = thresholdOf(values);
  return same === undefined ? {} : { thresholds: { same, review: Math.min(same, 0.05) } };
};

export const dedupeCommand: Command = {
  name: 'dedupe',
  usage: 'dedupe FILE.csv [--id COL] [--map H=field,...] [--threshold P] [--review]',
  summary: 'Find the records of one CSV that are the same person (one JSON line per match).',
  options: OPTIONS,
  async run({ positionals, values, out }) {
    const file = readFile(positionals[0], values);
    printPairs(out, dedupe(file.records, thresholds(values)), values.review === true);
  },
};

export const linkCommand: Command = {
  name: 'link',
  usage: 'link A.csv B.csv [--id COL] [--map H=field,...] [--threshold P] [--review]',
  summary: 'Match the records of A to those of B (one JSON line per match, left from A).',
  options: OPTIONS,
  async run({ positionals, values, out }) {
    if (positionals.length !== 2) throw usageError('Usage: desk link A.csv B.csv');
    const a = readFile(positionals[0], values);
    const b = readFile(positionals[1], values);
    printPairs(out, link(a.records, b.records, thresholds(values)), values.review === true);
  },
};
