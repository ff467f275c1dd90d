/**
 * The line managers' workbook: the current stage's items, a sheet per reviewer (the person's
 * manager; items without one on the administrator's sheet), each row with the recommendation and
 * its reasons and an empty Decision (Keep / Revoke) and Comment. CSV carries the same rows for
 * scripts.
 *
 * It comes back like a plan export: the content hash covers what each row is about (item,
 * person, role or program, recommendation) and the stage, never the decisions. An import is
 * refused, with nothing changed, when the hash does not match an export of this campaign, when a
 * row's fingerprint does not match its item (it was edited), when it is for another stage, or
 * when a decision is neither Keep nor Revoke. Decisions come in under the reviewer's name, with
 * their comment as the reason; an item decided in Admin Desk after the export keeps that decision.
 */
import type { ReviewItem, WorkbookImportResult } from '../../src-preload/contract';
import { appendAudit, canonicalJson, sha256Hex } from '../audit-trail';
import { conflict, validation } from '../errors/app-error';
import { restoreCsvCell, toSafeCsv } from '../export/csv-cell';
import { checkZip } from '../intake/read/zip-guard';
import { parse } from 'csv-parse/sync';
import { findExport, recordExport, type CampaignRecord } from './campaigns-store';
import { requireActive } from './decide';
import { campaignOf, nowOf, type ReviewsServiceDeps } from './deps';
import { recordAction } from './decisions-store';
import { actionIdsOf, countItems, getItemRows, itemWhere, queryItems } from './items-store';

type Identity = Pick<ReviewItem, 'id' | 'kind' | 'personId' | 'roleId' | 'programId' | 'recommendation'>;
const identity = (i: Identity) => ({
  id: i.id,
  kind: i.kind,
  personId: i.personId,
  roleId: i.roleId,
  programId: i.programId,
  recommendation: i.recommendation,
});

export const fingerprintOf = (i: Identity): string => sha256Hex(canonicalJson(identity(i))).slice(0, 16);

export function contentHashOf(campaignId: string, stage: number, items: readonly Identity[]): string {
  return sha256Hex(canonicalJson({ campaignId, stage, items: [...items].sort((a, b) => a.id - b.id).map(identity) }));
}

const COLUMNS = [
  ['Item', 10],
  ['Fingerprint', 18],
  ['Reviewer', 22],
  ['Person', 24],
  ['E-mail', 28],
  ['Department', 18],
  ['Title', 22],
  ['Access', 34],
  ['Recommendation', 15],
  ['Why', 70],
  ['Risk', 8],
  ['Decision', 11],
  ['Comment', 40],
] as const;
const DECISION_COL = 12;

function rowOf(i: ReviewItem): (string | number)[] {
  return [
    i.id,
    fingerprintOf(i),
    i.reviewer?.name ?? 'The administrator',
    i.personName,
    i.email,
    i.department ?? '',
    i.title ?? '',
    i.target,
    i.recommendation === 'revoke' ? 'Revoke' : 'Keep',
    i.reasons.map((r) => r.text).join(' | '),
    i.riskBand,
    i.decision === 'revoke' ? 'Revoke' : i.decision === 'keep' ? 'Keep' : '',
    i.decisionReason ?? '',
  ];
}

function stageItems(deps: ReviewsServiceDeps, c: CampaignRecord): ReviewItem[] {
  return queryItems(deps.db, itemWhere(c.id, c.currentStage), { sort: 'person', limit: 1_000_000 }).rows;
}

const sheetName = (name: string, taken: Set<string>): string => {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 28)
      .trim() || 'Reviewer';
  let n = base;
  for (let k = 2; taken.has(n.toLowerCase()); k++) n = `${base.slice(0, 26)} ${k}`;
  taken.add(n.toLowerCase());
  return n;
};

async function buildXlsx(c: CampaignRecord, items: ReviewItem[], facts: { by: string; at: string; hash: string }) {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'SmartSimple Admin Desk';
  const about = book.addWorksheet('About');
  about.columns = [{ width: 22 }, { width: 90 }];
  about.addRows([
    ['Access review', c.name],
    ['Campaign', c.id],
    ['Stage', `${c.currentStage}: ${c.stages[c.currentStage - 1]?.name ?? ''}`],
    ['Due', c.dueOn],
    ['Exported by', facts.by],
    ['Exported at', facts.at],
    ['Items', items.length],
    ['Content hash', facts.hash],
    [],
    [
      'How to fill it in',
      'On your sheet, write Keep or Revoke in the Decision column of each row, and say why in Comment.',
    ],
    [
      '',
      'Change nothing else: the file is checked against the campaign when it comes back, and refused if it was edited.',
    ],
  ]);
  about.getColumn(1).font = { bold: true };
  const taken = new Set(['about']);
  const byReviewer = new Map<string, ReviewItem[]>();
  for (const i of items) {
    const key = i.reviewer?.name ?? 'The administrator';
    byReviewer.set(key, [...(byReviewer.get(key) ?? []), i]);
  }
  for (const [reviewer, rows] of [...byReviewer.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const sheet = book.addWorksheet(sheetName(reviewer, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map(([header, width]) => ({ header, width }));
    sheet.getRow(1).font = { bold: true };
    for (const i of rows) sheet.addRow(rowOf(i));
    sheet.getColumn(10).alignment = { wrapText: true, vertical: 'top' };
    for (let r = 2; r <= rows.length + 1; r++)
      sheet.getCell(r, DECISION_COL).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: ['"Keep,Revoke"'],
        showErrorMessage: true,
        errorTitle: 'Keep or Revoke',
        error: 'Write Keep or Revoke.',
      };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function exportWorkbook(
  deps: ReviewsServiceDeps,
  campaignId: string,
  format: 'xlsx' | 'csv',
): Promise<{ filename: string; mime: string; encoding: 'utf8' | 'base64'; data: string }> {
  const c = campaignOf(deps, campaignId);
  requireActive(c);
  const items = stageItems(deps, c);
  const by = deps.administrator(c.instanceId);
  const at = nowOf(deps).toISOString();
  const hash = contentHashOf(c.id, c.currentStage, items);
  const data =
    format === 'xlsx'
      ? (await buildXlsx(c, items, { by, at, hash })).toString('base64')
      : toSafeCsv([
          ['campaign_id', 'stage', 'content_hash', ...COLUMNS.map(([h]) => h.toLowerCase().replace(/[^a-z]+/g, '_'))],
          ...items.map((i) => [c.id, c.currentStage, hash, ...rowOf(i)]),
        ]);
  deps.db.transaction(() => {
    recordExport(deps.db, {
      campaignId: c.id,
      stage: c.currentStage,
      format,
      contentHash: hash,
      items: items.length,
      by,
      at,
    });
    appendAudit(deps.db, {
      actor: by,
      action: 'review.exported',
      subject: `review:${c.id}`,
      instanceId: c.instanceId,
      at,
      details: { format, stage: c.currentStage, items: items.length, contentHash: hash },
    });
  })();
  const slug =
    c.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'review';
  return {
    filename: `review-${slug}-stage-${c.currentStage}.${format}`,
    mime: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
    encoding: format === 'xlsx' ? 'base64' : 'utf8',
    data,
  };
}

interface FileRow {
  where: string;
  itemId: number;
  fingerprint: string;
  reviewer: string;
  decision: string;
  comment: string;
}

interface ReadFile {
  campaignId: string;
  stage: number;
  hash: string;
  rows: FileRow[];
}

const text = (v: unknown): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'object' && 'text' in (v as object)
      ? String((v as { text: unknown }).text)
      : typeof v === 'object' && 'result' in (v as object)
        ? String((v as { result: unknown }).result)
        : String(v);

async function readXlsx(base64: string): Promise<ReadFile> {
  const bytes = Buffer.from(base64, 'base64');
  checkZip('The workbook', bytes);
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw validation('The file is not a readable XLSX workbook. Save it again from Excel and retry.');
  }
  const about = book.getWorksheet('About');
  if (!about) throw validation('The workbook is not an Admin Desk review export (it has no About sheet).');
  const fact = (label: string) => {
    let value = '';
    about.eachRow((row) => {
      if (text(row.getCell(1).value) === label) value = text(row.getCell(2).value);
    });
    return value;
  };
  const rows: FileRow[] = [];
  for (const sheet of book.worksheets) {
    if (sheet.name === 'About') continue;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cell = (col: number) => text(row.getCell(col).value).trim();
      if (!cell(1)) return;
      rows.push({
        where: `row ${n} of sheet "${sheet.name}"`,
        itemId: Number(cell(1)),
        fingerprint: cell(2),
        reviewer: cell(3),
        decision: cell(DECISION_COL),
        comment: cell(DECISION_COL + 1),
      });
    });
  }
  return { campaignId: fact('Campaign'), stage: Number(fact('Stage').split(':')[0]), hash: fact('Content hash'), rows };
}

function readCsv(content: string): ReadFile {
  let records: Record<string, string>[];
  try {
    records = parse(content, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
      string,
      string
    >[];
  } catch (e) {
    throw validation(`The CSV could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const first = records[0];
  if (!first || !('content_hash' in first)) throw validation('The file is not an Admin Desk review export.');
  const hashes = new Set(records.map((r) => r.content_hash));
  if (hashes.size > 1) throw conflict("The file's rows come from different exports: export it again.");
  return {
    campaignId: restoreCsvCell(first.campaign_id ?? ''),
    stage: Number(first.stage),
    hash: first.content_hash ?? '',
    rows: records.map((r, i) => ({
      where: `line ${i + 2}`,
      itemId: Number(r.item),
      fingerprint: r.fingerprint ?? '',
      reviewer: restoreCsvCell(r.reviewer ?? ''),
      decision: restoreCsvCell(r.decision ?? ''),
      comment: restoreCsvCell(r.comment ?? ''),
    })),
  };
}

/** Every check that refuses the file, before anything is written. */
function checkFile(deps: ReviewsServiceDeps, c: CampaignRecord, file: ReadFile): Map<number, ReviewItem> {
  if (file.campaignId !== c.id) throw conflict(`The file is for another campaign (${file.campaignId || 'none'}).`);
  if (file.stage !== c.currentStage)
    throw conflict(`The file is for stage ${file.stage}; the campaign is at stage ${c.currentStage}. Export it again.`);
  const items = new Map(
    getItemRows(
      deps.db,
      c.id,
      file.rows.map((r) => r.itemId),
    ).map((i) => [i.id, i]),
  );
  for (const r of file.rows) {
    const item = items.get(r.itemId);
    if (!item || item.stage !== c.currentStage || fingerprintOf(item) !== r.fingerprint)
      throw conflict(
        `The file differs from the campaign at ${r.where} (item ${r.itemId || '?'}): it was edited. Refused.`,
      );
  }
  const hash = contentHashOf(c.id, c.currentStage, [...items.values()]);
  if (hash !== file.hash || !findExport(deps.db, c.id, hash))
    throw conflict(
      "The file's content hash does not match an export of this campaign's items: rows were added, removed or edited. Refused.",
    );
  const bad = file.rows.filter((r) => r.decision !== '' && !/^(keep|revoke)$/i.test(r.decision));
  if (bad.length > 0)
    throw validation(
      `Decisions must be Keep or Revoke: ${bad
        .slice(0, 5)
        .map((r) => `${r.where} says "${r.decision}"`)
        .join('; ')}${bad.length > 5 ? ` and ${bad.length - 5} more` : ''}. Nothing was imported.`,
    );
  return items;
}

export async function importWorkbook(
  deps: ReviewsServiceDeps,
  input: { campaignId: string; format: 'xlsx' | 'csv'; data: string },
): Promise<WorkbookImportResult> {
  const c = campaignOf(deps, input.campaignId);
  requireActive(c);
  const file = input.format === 'xlsx' ? await readXlsx(input.data) : readCsv(input.data);
  if (file.rows.length === 0) throw validation('The file has no rows to import.');
  const importer = deps.administrator(c.instanceId);
  const at = nowOf(deps).toISOString();
  return deps.db.transaction((): WorkbookImportResult => {
    const items = checkFile(deps, c, file);
    const exportedAt = findExport(deps.db, c.id, file.hash)!.at;
    const skipped: WorkbookImportResult['skipped'] = [];
    const previous = actionIdsOf(deps.db, [...items.keys()]);
    // One action per reviewer, decision and comment, so each decision keeps its own reason.
    const groups = new Map<
      string,
      { reviewer: string; decision: 'keep' | 'revoke'; comment: string; itemIds: number[] }
    >();
    for (const r of file.rows) {
      if (!r.decision) continue;
      const item = items.get(r.itemId)!;
      const decision = r.decision.toLowerCase() as 'keep' | 'revoke';
      if (item.decision === decision) continue;
      if (item.decidedAt && item.decidedAt > exportedAt && item.decisionSource !== 'workbook') {
        skipped.push({ itemId: item.id, reason: `decided in Admin Desk after the export, by ${item.decidedBy}` });
        continue;
      }
      const reviewer = r.reviewer || 'The administrator';
      const key = JSON.stringify([reviewer, decision, r.comment]);
      const group = groups.get(key) ?? { reviewer, decision, comment: r.comment, itemIds: [] };
      group.itemIds.push(item.id);
      groups.set(key, group);
    }
    let imported = 0;
    for (const g of groups.values()) {
      recordAction(
        deps.db,
        {
          campaignId: c.id,
          stage: c.currentStage,
          decision: g.decision,
          source: 'workbook',
          by: `${g.reviewer} (workbook imported by ${importer})`,
          at,
          reason: g.comment.slice(0, 500) || null,
          selection: `${g.itemIds.length} row${g.itemIds.length === 1 ? '' : 's'} of ${g.reviewer}'s sheet`,
        },
        g.itemIds.map((itemId) => ({ itemId, decision: g.decision, previousActionId: previous.get(itemId) ?? null })),
      );
      imported += g.itemIds.length;
    }
    const reviewers = [...new Set([...groups.values()].map((g) => g.reviewer))];
    appendAudit(deps.db, {
      actor: importer,
      action: 'review.imported',
      subject: `review:${c.id}`,
      instanceId: c.instanceId,
      at,
      details: { format: input.format, contentHash: file.hash, imported, skipped: skipped.length, reviewers },
    });
    return { imported, reviewers, skipped, counts: countItems(deps.db, itemWhere(c.id, c.currentStage)) };
  })();
}
