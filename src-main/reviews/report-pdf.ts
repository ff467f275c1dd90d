/**
 * The campaign report as a PDF (pdfmake, in main): the facts an auditor checks first (scope,
 * stages, who signed off, the audit trail's head hash, the sha256 of the CSV with every row),
 * completion as a bar, decisions by kind, who decided, what the plan applied, the decisions made
 * against the recommendation, and every decision action. Nothing is fetched: no URL is allowed
 * and only pdfmake's own font files may be read.
 */
import { pdfmake } from '../export/pdfmake';
import { REVIEW_ITEM_KINDS, REVIEW_ITEM_KIND_LABELS } from '../../src-preload/contract';
import type { ReportData } from './report';

/** Rows a PDF table shows; the CSV has them all. */
export const PDF_ROW_LIMIT = 500;
const PAGE = 842 - 80;

const th = (t: string) => ({ text: t, style: 'th' });
const cell = (v: unknown) => ({ text: v === null || v === undefined ? '' : String(v) });

function table(header: string[], rows: unknown[][], widths: (number | string)[], empty: string): unknown[] {
  if (rows.length === 0) return [{ text: empty, style: 'note' }];
  const shown = rows.slice(0, PDF_ROW_LIMIT);
  return [
    {
      table: { headerRows: 1, widths, body: [header.map(th), ...shown.map((r) => r.map(cell))] },
      layout: 'lightHorizontalLines',
      fontSize: 7.5,
    },
    ...(rows.length > PDF_ROW_LIMIT
      ? [
          {
            text: `The first ${PDF_ROW_LIMIT} of ${rows.length.toLocaleString('en-US')} rows; the CSV has all.`,
            style: 'note',
          },
        ]
      : []),
  ];
}

function completionBar(d: ReportData): unknown {
  const { items, keep, revoke } = d.campaign.counts;
  const width = 500;
  const x = (n: number) => (items === 0 ? 0 : (n / items) * width);
  return {
    stack: [
      {
        canvas: [
          { type: 'rect', x: 0, y: 0, w: width, h: 12, color: '#e9ecef' },
          { type: 'rect', x: 0, y: 0, w: Math.max(0.1, x(keep)), h: 12, color: '#2f9e44' },
          { type: 'rect', x: x(keep), y: 0, w: Math.max(0.1, x(revoke)), h: 12, color: '#e03131' },
        ],
      },
      {
        text: `Kept ${keep.toLocaleString('en-US')} (green), revoked ${revoke.toLocaleString('en-US')} (red), undecided ${(items - keep - revoke).toLocaleString('en-US')} (grey) of ${items.toLocaleString('en-US')} items.`,
        style: 'note',
        margin: [0, 3, 0, 0],
      },
    ],
    margin: [0, 4, 0, 8],
  };
}

function byKind(d: ReportData): unknown[] {
  const rows = REVIEW_ITEM_KINDS.map((k) => {
    const of = d.items.filter((i) => i.kind === k);
    const decided = of.filter((i) => i.decision !== null);
    const followed = decided.filter((i) => i.decision === i.recommendation).length;
    return [
      REVIEW_ITEM_KIND_LABELS[k],
      of.length,
      of.filter((i) => i.recommendation === 'revoke').length,
      of.filter((i) => i.decision === 'keep').length,
      of.filter((i) => i.decision === 'revoke').length,
      of.length - decided.length,
      decided.length === 0 ? '' : `${Math.round((followed / decided.length) * 100)}%`,
    ];
  }).filter((r) => (r[1] as number) > 0);
  return table(
    ['Access', 'Items', 'Recommended revoke', 'Kept', 'Revoked', 'Undecided', 'Followed the recommendation'],
    rows,
    ['*', 50, 90, 50, 50, 60, 120],
    'No items.',
  );
}

function deciders(d: ReportData): unknown[] {
  const by = new Map<string, { keep: number; revoke: number; source: Set<string> }>();
  for (const i of d.items) {
    if (!i.decidedBy) continue;
    const e = by.get(i.decidedBy) ?? { keep: 0, revoke: 0, source: new Set<string>() };
    if (i.decision === 'keep') e.keep++;
    else e.revoke++;
    if (i.decisionSource) e.source.add(i.decisionSource);
    by.set(i.decidedBy, e);
  }
  const rows = [...by.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([who, e]) => [who, e.keep, e.revoke, [...e.source].join(', ')]);
  return table(['Decided by', 'Kept', 'Revoked', 'How'], rows, ['*', 50, 50, 140], 'Nobody has decided yet.');
}

/** What was applied, what went against the recommendation, and every decision action. */
function outcome(d: ReportData): unknown[] {
  const c = d.campaign;
  const revoked = d.items.filter((i) => i.decision === 'revoke');
  const overridden = d.items.filter((i) => i.decision !== null && i.decision !== i.recommendation);
  return [
    { text: 'What was applied', style: 'h2' },
    {
      text: c.plan
        ? `Plan "${c.plan.title}", ${c.plan.state}: ${d.applied?.verified ?? 0} applied and verified, ${d.applied?.failed ?? 0} failed, ${d.applied?.pending ?? 0} not applied yet.`
        : c.state === 'signed_off'
          ? 'Nothing to apply: no access was revoked.'
          : 'Not signed off yet: the revocations become a plan at the sign-off.',
      style: 'note',
      margin: [0, 0, 0, 4],
    },
    ...table(
      ['Person', 'Access', 'Decided by', 'Why', 'Applied'],
      revoked.map((i) => [
        i.personName,
        i.target,
        i.decidedBy,
        i.decisionReason ?? i.reasons.find((r) => r.decisive)?.text ?? '',
        i.applied,
      ]),
      [110, 150, 120, '*', 110],
      'No access was revoked.',
    ),
    { text: 'Decided against the recommendation', style: 'h2' },
    ...table(
      ['Person', 'Access', 'Recommended', 'Decided', 'By', 'Why'],
      overridden.map((i) => [
        i.personName,
        i.target,
        i.recommendation,
        i.decision,
        i.decidedBy,
        i.decisionReason ?? '',
      ]),
      [110, 150, 60, 50, 110, '*'],
      'Every decision followed the recommendation.',
    ),
    { text: 'Decisions as recorded', style: 'h2' },
    ...table(
      ['#', 'When', 'Who', 'Decision', 'What', 'Items', 'Undone'],
      [...c.actions]
        .reverse()
        .map((a) => [
          a.id,
          a.at.replace('T', ' ').slice(0, 19),
          a.by,
          a.decision,
          a.selection,
          a.items,
          a.undoneAt ? `${a.undoneAt.slice(0, 19)} by ${a.undoneBy}` : '',
        ]),
      [24, 80, 120, 60, '*', 40, 110],
      'No decisions yet.',
    ),
  ];
}

function definition(d: ReportData, csvSha256: string): unknown {
  const c = d.campaign;
  const facts: [string, string][] = [
    ...d.facts,
    ['CSV of every item (sha256)', csvSha256],
    ['Exported', `${d.exportedAt} by ${d.exportedBy}`],
  ];
  return {
    info: { title: `Access review report: ${c.name}`, author: d.exportedBy, creator: 'SmartSimple Admin Desk' },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 40, 40, 44],
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      th: { bold: true, fillColor: '#f1f3f5' },
      note: { fontSize: 8, color: '#495057' },
    },
    footer: (page: number, pages: number) => ({
      text: `${c.name} · page ${page} of ${pages}`,
      alignment: 'right',
      fontSize: 7,
      color: '#868e96',
      margin: [40, 14, 40, 0],
    }),
    content: [
      { text: `Access review report: ${c.name}`, style: 'title' },
      { text: `${d.instance} · ${c.scopeText}`, style: 'note' },
      { text: 'The campaign', style: 'h2' },
      {
        table: {
          widths: [150, PAGE - 160],
          body: facts.map(([k, v]) => [
            { text: k, bold: true },
            { text: v, fontSize: k.includes('sha256') || k.includes('hash') ? 7.5 : 9 },
          ]),
        },
        layout: 'noBorders',
      },
      { text: 'Completion', style: 'h2' },
      completionBar(d),
      ...byKind(d),
      { text: 'Who decided', style: 'h2' },
      ...deciders(d),
      ...outcome(d),
    ],
  };
}

export async function renderReportPdf(data: ReportData, csvSha256: string): Promise<Buffer> {
  return pdfmake().createPdf(definition(data, csvSha256)).getBuffer();
}
