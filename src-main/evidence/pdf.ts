/**
 * An evidence document as a PDF (pdfmake, in main): the title and what it shows, the facts an
 * auditor checks (instance, who, when, the audit trail's head hash, the sha256 of the CSV with
 * the same rows), the query as written, then each section's chart and rows. Nothing is fetched:
 * no URL is allowed and only pdfmake's own font files may be read.
 */
import { pdfmake } from '../export/pdfmake';
import type { EvidenceChart, EvidenceDocument, EvidenceSection } from '../../src-preload/contract/evidence';

/** What the PDF states besides the document itself. */
export interface PdfFacts {
  instance: string;
  exportedBy: string;
  exportedAt: string;
  auditHead: string;
  csvSha256: string;
}

/** Rows a PDF shows per section; the CSV has them all. */
export const PDF_ROW_LIMIT = 500;
const BARS = 25;
const BAR_WIDTH = 260;

const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function chartOf(section: EvidenceSection, chart: EvidenceChart): unknown[] {
  const bars = section.table.rows
    .map((r) => ({ label: cell(r[chart.labelColumn]), value: Number(r[chart.valueColumn]) }))
    .filter((b) => Number.isFinite(b.value))
    .slice(0, BARS);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const body = bars.map((b) => [
    { text: b.label, noWrap: false },
    { canvas: [{ type: 'rect', x: 0, y: 2, w: Math.max(1, (b.value / max) * BAR_WIDTH), h: 8, color: '#228be6' }] },
    { text: b.value.toLocaleString('en-US'), alignment: 'right' },
  ]);
  const more =
    section.table.rows.length > BARS
      ? [{ text: `The first ${BARS} of ${section.table.rows.length}.`, style: 'note' }]
      : [];
  return [
    { text: chart.title, style: 'h3' },
    { table: { widths: [150, BAR_WIDTH + 4, 50], body }, layout: 'noBorders', margin: [0, 2, 0, 4] },
    ...more,
  ];
}

/**
 * Column widths that fit the page: each column's share follows its longest cell (capped, so one
 * long value cannot starve the others), and never less than its longest word where that fits.
 */
function widthsOf(columns: string[], rows: unknown[][], page: number, fontSize: number): number[] {
  const perChar = fontSize * 0.52;
  const longest = (i: number, word: boolean) =>
    Math.max(
      ...[columns[i], ...rows.map((r) => cell(r[i]))].map((t) =>
        word
          ? Math.max(
              0,
              ...String(t)
                .split(/\s+/)
                .map((w) => w.length),
            )
          : String(t).length,
      ),
    );
  const want = columns.map((_c, i) => Math.min(48, Math.max(4, longest(i, false))) * perChar + 8);
  const floor = columns.map((_c, i) => Math.min(40, longest(i, true)) * perChar + 8);
  const total = want.reduce((a, b) => a + b, 0);
  const widths = want.map((w) => (w / total) * page);
  // Lend width to columns whose longest word would not fit, from those with room to spare.
  for (let i = 0; i < widths.length; i++) {
    const short = floor[i]! - widths[i]!;
    if (short <= 0) continue;
    const donors = widths.map((w, j) => (j !== i ? Math.max(0, w - floor[j]!) : 0));
    const spare = donors.reduce((a, b) => a + b, 0);
    const take = Math.min(short, spare);
    widths.forEach((_w, j) => (widths[j]! -= spare ? (donors[j]! / spare) * take : 0));
    widths[i]! += take;
  }
  return widths.map((w) => Math.max(20, Math.floor(w) - 8));
}

function tableOf(section: EvidenceSection, page: number): unknown {
  const { columns, rows } = section.table;
  const shown = rows.slice(0, PDF_ROW_LIMIT);
  const fontSize = columns.length > 6 ? 6.5 : 8;
  const header = columns.map((c) => ({ text: c, style: 'th' }));
  const body = shown.map((r) => columns.map((_c, i) => ({ text: cell(r[i]) })));
  if (body.length === 0) return { text: 'No rows.', style: 'note' };
  return {
    table: { headerRows: 1, widths: widthsOf(columns, shown, page, fontSize), body: [header, ...body] },
    layout: 'lightHorizontalLines',
    fontSize,
  };
}

function sectionOf(section: EvidenceSection, page: number): unknown[] {
  const rows = section.table.rows.length;
  const cut =
    rows > PDF_ROW_LIMIT ? ` The first ${PDF_ROW_LIMIT.toLocaleString('en-US')} are shown; the CSV has all.` : '';
  return [
    { text: section.heading, style: 'h2' },
    {
      text: `${rows.toLocaleString('en-US')} row${rows === 1 ? '' : 's'}.${cut}${section.note ? ` ${section.note}` : ''}`,
      style: 'note',
    },
    ...(section.chart && rows > 0 ? chartOf(section, section.chart) : []),
    tableOf(section, page),
  ];
}

function definition(doc: EvidenceDocument, facts: PdfFacts): unknown {
  const wide = doc.sections.some((s) => s.table.columns.length > 3);
  // The width inside the margins (A4: 595 x 842 points, 40 a side).
  const page = (wide ? 842 : 595) - 80;
  const fact = (label: string, value: string, mono = false) => [
    { text: label, bold: true },
    mono ? { text: value, fontSize: 7.5, characterSpacing: 0.2 } : { text: value },
  ];
  return {
    info: { title: doc.title, author: facts.exportedBy, subject: doc.summary, creator: 'SmartSimple Admin Desk' },
    pageSize: 'A4',
    pageOrientation: wide ? 'landscape' : 'portrait',
    pageMargins: [40, 40, 40, 44],
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      kicker: { fontSize: 8, color: '#868e96', margin: [0, 0, 0, 2] },
      h2: { fontSize: 11.5, bold: true, margin: [0, 12, 0, 3] },
      h3: { fontSize: 9.5, bold: true, margin: [0, 4, 0, 2] },
      th: { bold: true, fillColor: '#f1f3f5' },
      note: { fontSize: 8, color: '#495057', margin: [0, 0, 0, 4] },
      query: { fontSize: 7.5, color: '#212529', margin: [6, 4, 6, 4] },
    },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `Evidence: ${doc.title}`.slice(0, 110), fontSize: 7, color: '#868e96' },
        { text: `Page ${page} of ${pages}`, alignment: 'right', fontSize: 7, color: '#868e96' },
      ],
      margin: [40, 12, 40, 0],
    }),
    content: [
      { text: `EVIDENCE · ${doc.kind.toUpperCase()}`, style: 'kicker' },
      { text: doc.title, style: 'title' },
      { text: doc.summary, margin: [0, 0, 0, 8] },
      {
        table: {
          widths: [110, '*'],
          body: [
            fact('Instance', facts.instance),
            fact('Exported by', facts.exportedBy),
            fact('Exported at', facts.exportedAt),
            fact('Audit trail head', facts.auditHead, true),
            fact('CSV of these rows', `sha256 ${facts.csvSha256}`, true),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      ...(doc.query
        ? [
            { text: 'Query', style: 'h2' },
            {
              table: { widths: ['*'], body: [[{ text: doc.query, style: 'query' }]] },
              layout: { fillColor: () => '#f8f9fa', hLineWidth: () => 0, vLineWidth: () => 0 },
            },
          ]
        : []),
      ...doc.sections.flatMap((section) => sectionOf(section, page)),
    ],
  };
}

export async function renderPdf(doc: EvidenceDocument, facts: PdfFacts): Promise<Buffer> {
  return pdfmake().createPdf(definition(doc, facts)).getBuffer();
}
