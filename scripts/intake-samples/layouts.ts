/**
 * Page layouts the sample documents are drawn in (pdfmake document definitions): the ways intake
 * forms and letters look in practice. Each takes its words and returns a definition.
 */
type Row = [string, string];
const rule = { hLineColor: '#333', vLineColor: '#333', paddingTop: () => 4, paddingBottom: () => 4 };

/** A boxed two-column table: label cells on the left, values on the right. */
export function tableForm(title: string, rows: Row[], footer: string[] = []) {
  return {
    content: [
      { text: title, fontSize: 16, bold: true, margin: [0, 0, 0, 14] },
      { table: { widths: [150, 300], body: rows.map(([l, v]) => [{ text: l, bold: true }, v]) }, layout: rule },
      ...footer.map((f) => ({ text: f, margin: [0, 12, 0, 0] })),
    ],
  };
}

/** "Label: value" lines, as a typed memo or a web form printout. */
export function lineForm(title: string, rows: Row[], intro: string[] = [], footer: string[] = []) {
  return {
    defaultStyle: { font: 'Times', fontSize: 12, lineHeight: 1.5 },
    content: [
      { text: title, fontSize: 15, bold: true, margin: [0, 0, 0, 10] },
      ...intro.map((t) => ({ text: t, margin: [0, 0, 0, 8] })),
      ...rows.map(([l, v]) => `${l}: ${v}`),
      ...footer.map((f) => ({ text: f, margin: [0, 10, 0, 0] })),
    ],
  };
}

/** Small grey labels above their values, two fields a row. */
export function aboveForm(title: string, rows: Row[]) {
  const pairs: Row[][] = [];
  for (let i = 0; i < rows.length; i += 2) pairs.push(rows.slice(i, i + 2));
  return {
    content: [
      { text: title, fontSize: 16, bold: true, margin: [0, 0, 0, 16] },
      ...pairs.map((pair) => ({
        columns: pair.map(([l, v]) => ({
          stack: [
            { text: l, fontSize: 8, color: '#555' },
            { text: v, fontSize: 12, margin: [0, 2, 0, 0] },
          ],
        })),
        margin: [0, 0, 0, 14],
      })),
    ],
  };
}

/** A header row of labels over one row of values, then a note. */
export function headerRowForm(title: string, rows: Row[], note: string) {
  return {
    pageOrientation: 'landscape',
    content: [
      { text: title, fontSize: 15, bold: true, margin: [0, 0, 0, 12] },
      {
        table: { body: [rows.map(([l]) => ({ text: l, bold: true })), rows.map(([, v]) => v)] },
        layout: 'lightHorizontalLines',
      },
      { text: note, margin: [0, 14, 0, 0] },
    ],
  };
}

/** A letter: letterhead, date, greeting, paragraphs, closing and signature block. */
export function letter(letterhead: string[], date: string, paragraphs: string[], signature: string[]) {
  return {
    defaultStyle: { font: 'Times', fontSize: 12, lineHeight: 1.3 },
    content: [
      { text: letterhead[0], fontSize: 16, bold: true },
      ...letterhead.slice(1).map((l) => ({ text: l, fontSize: 9, color: '#444' })),
      { text: date, margin: [0, 24, 0, 16] },
      ...paragraphs.map((p) => ({ text: p, margin: [0, 0, 0, 10] })),
      { text: 'Kind regards,', margin: [0, 10, 0, 24] },
      ...signature,
    ],
  };
}
