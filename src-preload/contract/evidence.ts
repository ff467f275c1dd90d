/**
 * Evidence for auditors on the wire: a question's answer, a finding or a person's timeline as a
 * document (sections of rows, a chart where one fits), exported as CSV (formula cells
 * neutralized) or PDF (instance, who, when, the query, the rows, the chart, the audit trail's
 * head hash). Each export is recorded in the audit trail with the file's sha256.
 */
import { z } from 'zod';
import { askQuerySchema } from './ask';
import { channel } from './wire';
import { planInstanceIdSchema } from './plans-inputs';

export const EVIDENCE_FORMATS = ['csv', 'pdf'] as const;
export type EvidenceFormat = (typeof EVIDENCE_FORMATS)[number];

export type EvidenceCell = string | number | null;
export interface EvidenceTable {
  columns: string[];
  rows: EvidenceCell[][];
}

/** A bar chart of one section: a label column and a number column. */
export interface EvidenceChart {
  title: string;
  labelColumn: number;
  valueColumn: number;
}

export interface EvidenceSection {
  heading: string;
  table: EvidenceTable;
  chart?: EvidenceChart | null;
  /** Said under the heading, e.g. "cut at 1,000 rows". */
  note?: string | null;
}

/**
 * What an export is made of. Other capabilities build one (a finding with its evidence rows, a
 * person's timeline) and hand it to `EvidenceService.exportDocument`.
 */
export interface EvidenceDocument {
  kind: 'answer' | 'finding' | 'timeline';
  instanceId: string;
  title: string;
  /** In words: what was asked, or what was found and why. */
  summary: string;
  /** The query behind the rows (SQL), or the rule that found them, as written; null when none. */
  query: string | null;
  /** What the document is about, for the audit trail: `question`, `finding:<id>`, `person:<id>`. */
  subject: string;
  sections: EvidenceSection[];
}

/** A file the renderer offers as a download, in base64 (a PDF is not text). */
export interface EvidenceFile {
  filename: string;
  mime: string;
  base64: string;
  bytes: number;
  /** sha256 of the file, as recorded in the audit trail. */
  sha256: string;
}

const format = z.enum(EVIDENCE_FORMATS);
const question = z.string().min(1).max(2000);
const asOf = z.iso.datetime().optional();

export const evidenceChannels = {
  /** A question's answer (run again now, read-only) as CSV or PDF; the export is recorded in the trail. */
  'evidence:answer': channel<EvidenceFile>()({
    input: z.union([
      z.object({ instanceId: planInstanceIdSchema, question, query: askQuerySchema, now: asOf, format }).strict(),
      z
        .object({ instanceId: planInstanceIdSchema, question, sql: z.string().min(1).max(20_000), now: asOf, format })
        .strict(),
    ]),
    reads: ['mirror', 'audit'],
    writes: ['audit'],
  }),
} as const;
