/**
 * Evidence exports over a synced sandbox mirror: the CSV neutralizes formula cells; the PDF (read
 * back with pdfjs) states the instance, who, when, the query, the rows, the chart and the audit
 * trail's head hash, and the sha256 of the CSV with the same rows; each export is a trail entry
 * carrying the file's own sha256, and the trail still verifies.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceDocument } from '../../src-preload/contract';
import { createAskService, type AskService } from '../ask/ask-service';
import { ASK_TEST_NOW, syncedMirror } from '../ask/test-support/ask-mirror';
import { listAudit, readAuditHead, verifyAuditTrail } from '../audit-trail';
import type { DB } from '../db/open';
import { createInstancesService } from '../instances/instances-service';
import { readPdfText } from '../intake/read/pdf';
import { createEvidenceService, type EvidenceService } from './evidence-service';

let dir: string;
let db: DB;
let instanceId: string;
let ask: AskService;
let evidence: EvidenceService;
const AT = new Date(ASK_TEST_NOW);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-evidence-'));
  const m = await syncedMirror(dir, 120, 3);
  db = m.db;
  instanceId = m.instanceId;
  ask = createAskService({ db, now: () => ASK_TEST_NOW });
  const instances = createInstancesService({ db });
  evidence = createEvidenceService({ db, ask, instances, administrator: () => 'Ana Auditor', now: () => AT });
}, 120_000);
afterAll(() => {
  ask?.close();
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const text = async (base64: string) =>
  (await readPdfText('evidence.pdf', Buffer.from(base64, 'base64'))).map((p) => p.text).join('\n');
const sha = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex');

describe('evidence for auditors', () => {
  it("exports a question's answer as a PDF stating what an auditor checks, and records it in the trail", async () => {
    const question = 'How many people per status?';
    const read = await ask.interpret(instanceId, question);
    if (!read.ok) throw new Error(read.message);
    const headBefore = readAuditHead(db);
    const csv = await evidence.exportAnswer({ instanceId, question, query: read.query, format: 'csv' });
    const headAfterCsv = readAuditHead(db)!;
    const pdf = await evidence.exportAnswer({ instanceId, question, query: read.query, format: 'pdf' });
    expect(pdf.mime).toBe('application/pdf');
    expect(pdf.filename).toBe('evidence-how-many-people-per-status-2026-11-20.pdf');
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.sha256).toBe(sha(bytes));
    const words = await text(pdf.base64);
    for (const expected of [
      question,
      'Count people, per status.',
      'Sandbox',
      'Ana Auditor',
      '2026-11-20 12:00:00 UTC',
      `entry #${headAfterCsv.seq}`,
      headAfterCsv.hash.slice(0, 16),
      sha(Buffer.from(csv.base64, 'base64')).slice(0, 16),
      'SELECT coalesce(p.status',
      'Active',
      'people per status',
    ])
      expect(words, expected).toContain(expected);
    const entries = listAudit(db, { limit: 2 }).entries;
    expect(entries.map((e) => [e.action, e.details.format, e.details.sha256])).toEqual([
      ['evidence.exported', 'pdf', pdf.sha256],
      ['evidence.exported', 'csv', csv.sha256],
    ]);
    expect(entries[1]!.prevHash).toBe(headBefore?.hash ?? '0'.repeat(64));
    expect(verifyAuditTrail(db).ok).toBe(true);
  }, 60_000);

  it('neutralizes formula cells in the CSV and keeps every row (sections in a first column)', async () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+1+2', '-3', '@SUM(A1)', '\tx', '\rx', 'plain'];
    const doc: EvidenceDocument = {
      kind: 'finding',
      instanceId,
      title: 'Dormant account: =cmd|',
      summary: 'No login in 90 days.',
      query: 'rule: last login before 90 days ago',
      subject: 'finding:1',
      sections: [
        {
          heading: 'Sessions',
          table: { columns: ['at', 'value'], rows: hostile.map((h, i) => [`2026-11-0${i + 1}`, h]) },
        },
        { heading: 'Changes', table: { columns: ['at', 'action'], rows: [['2026-10-01', 'role_removed']] } },
      ],
    };
    const csv = await evidence.exportDocument(doc, 'csv');
    const rows = parse(Buffer.from(csv.base64, 'base64').toString('utf8')) as string[][];
    expect(rows[0]).toEqual(['section', 'at', 'value', 'action']);
    expect(rows.slice(1, 8).map((r) => r[2])).toEqual(hostile.map((h) => (h === 'plain' ? h : `'${h}`)));
    expect(rows[8]).toEqual(['Changes', '2026-10-01', '', 'role_removed']);
    const pdf = await evidence.exportDocument(doc, 'pdf');
    const words = await text(pdf.base64);
    expect(words).toContain('EVIDENCE · FINDING');
    expect(words).toContain('rule: last login before 90 days ago');
    expect(words).toContain('Changes');
  }, 60_000);
});
