/**
 * Evidence for auditors: a question's answer, a finding or a person's timeline exported as CSV or
 * PDF. The PDF states the instance, who exported it and when, the query, the rows, the chart, the
 * local audit trail's head hash and the sha256 of the CSV with the same rows; each export is then
 * recorded in the trail with the file's own sha256, so a file handed out can be checked later.
 *
 * Other capabilities (findings, timelines) build an EvidenceDocument and call `exportDocument`.
 */
import crypto from 'node:crypto';
import type { AskAnswer, EvidenceDocument, EvidenceFile, EvidenceFormat } from '../../src-preload/contract';
import { readAuditHead, recordEvidenceExported } from '../audit-trail';
import type { AskService, RunInput } from '../ask/ask-service';
import type { DB } from '../db/open';
import type { InstancesService } from '../instances/instances-service';
import { renderCsv } from './csv';
import { renderPdf } from './pdf';

export interface EvidenceServiceDeps {
  db: DB;
  ask: Pick<AskService, 'run'>;
  instances: Pick<InstancesService, 'get'>;
  /** The administrator's name as the trail records it. */
  administrator: (instanceId: string) => string;
  now?: () => Date;
}

export interface EvidenceService {
  /** A question's answer, run again now (read-only), as CSV or PDF. */
  exportAnswer(input: RunInput & { format: EvidenceFormat }): Promise<EvidenceFile>;
  /** Any evidence document (a finding, a person's timeline) as CSV or PDF, recorded in the trail. */
  exportDocument(doc: EvidenceDocument, format: EvidenceFormat): Promise<EvidenceFile>;
}

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');

/** A file name from the title: letters, digits and dashes, at most 60. */
function fileName(doc: EvidenceDocument, at: Date, format: EvidenceFormat): string {
  const slug =
    doc.title
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-')
      .slice(0, 60)
      .replace(/-+$/, '') || 'evidence';
  return `evidence-${slug}-${at.toISOString().slice(0, 10)}.${format}`;
}

/** A question's answer as an evidence document (one section; a chart where counts per group fit one). */
export function answerDocument(instanceId: string, answer: AskAnswer): EvidenceDocument {
  const { columns } = answer.table;
  const nameAt = columns.indexOf('name');
  return {
    kind: 'answer',
    instanceId,
    title: answer.question.length > 120 ? `${answer.question.slice(0, 117)}...` : answer.question,
    summary: answer.interpretation,
    query: answer.sql,
    subject: 'question',
    sections: [
      {
        heading: answer.kind === 'people' ? 'People' : 'Answer',
        table: answer.table,
        chart: answer.chart
          ? {
              title: `${columns.at(-1) ?? 'value'} per ${columns[nameAt >= 0 ? nameAt : 0] ?? 'row'}`,
              labelColumn: nameAt >= 0 ? nameAt : 0,
              valueColumn: columns.length - 1,
            }
          : null,
        note: answer.truncated ? 'The answer was cut at the row limit.' : null,
      },
    ],
  };
}

export function createEvidenceService({
  db,
  ask,
  instances,
  administrator,
  now = () => new Date(),
}: EvidenceServiceDeps): EvidenceService {
  const service: EvidenceService = {
    async exportAnswer({ format, ...input }) {
      const answer = await ask.run(input);
      return service.exportDocument(answerDocument(input.instanceId, answer), format);
    },
    async exportDocument(doc, format) {
      const instance = instances.get(doc.instanceId);
      const at = now();
      const who = administrator(instance.id);
      const csv = renderCsv(doc);
      const head = readAuditHead(db);
      const bytes =
        format === 'csv'
          ? Buffer.from(csv, 'utf8')
          : await renderPdf(doc, {
              instance: `${instance.name} (${instance.host}, alias ${instance.alias})`,
              exportedBy: who,
              exportedAt: `${at.toISOString().replace('T', ' ').slice(0, 19)} UTC`,
              auditHead: head ? `entry #${head.seq}, sha256 ${head.hash}` : 'empty (no entry yet)',
              csvSha256: sha256(csv),
            });
      const file: EvidenceFile = {
        filename: fileName(doc, at, format),
        mime: format === 'csv' ? 'text/csv' : 'application/pdf',
        base64: bytes.toString('base64'),
        bytes: bytes.length,
        sha256: sha256(bytes),
      };
      const rows = doc.sections.reduce((n, s) => n + s.table.rows.length, 0);
      recordEvidenceExported(db, {
        actor: who,
        instanceId: instance.id,
        subject: doc.subject,
        details: { title: doc.title, kind: doc.kind, format, sha256: file.sha256, bytes: file.bytes, rows },
      });
      return file;
    },
  };
  return service;
}
