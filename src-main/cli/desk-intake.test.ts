/** `desk intake` as an administrator runs it: the real command in a child process, a data folder of its own. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxOf, pdfOf } from '../intake/test-support/documents';
import { runDesk } from './test-support/run-desk';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-desk-intake-'));
const data = path.join(dir, 'data');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const kept = () => (fs.existsSync(path.join(data, 'intake')) ? fs.readdirSync(path.join(data, 'intake')).length : 0);

describe('desk intake', () => {
  it('prints {file, format, fields: {name: {value, confidence, source}}} with --json, and words without', async () => {
    const file = path.join(dir, 'request.pdf');
    fs.writeFileSync(
      file,
      await pdfOf({
        content: [
          { text: 'Request for a SmartSimple account', fontSize: 15 },
          {
            table: {
              body: [
                ['Family name', 'Nakamura'],
                ['Given name(s)', 'Haruto'],
                ['Position', 'Program Officer'],
                ['Start date', '1 February 2027'],
              ],
            },
          },
        ],
      }),
    );
    const run = await runDesk(['intake', file, '--json', '--data', data]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      file: string;
      format: string;
      documentId: string;
      fields: Record<
        string,
        { value: string; confidence: number; source: { page: number; start: number; end: number } }
      >;
    };
    expect(out).toMatchObject({ file: 'request.pdf', format: 'pdf' });
    expect(out.fields.lastName).toMatchObject({ value: 'Nakamura', source: { page: 1 } });
    expect(out.fields.title?.value).toBe('Program Officer');
    expect(out.fields.startDate?.value).toBe('2027-02-01');
    expect(out.fields.firstName!.confidence).toBeGreaterThan(0.5);
    expect(out.fields.firstName!.confidence).toBeLessThanOrEqual(1);
    expect(kept()).toBe(1);

    const docx = path.join(dir, 'letter.docx');
    fs.writeFileSync(docx, await docxOf(['Please create an account for our new Finance Officer, Grace Mensah.']));
    const words = await runDesk(['intake', docx, '--data', data]);
    expect(words.code, words.stderr).toBe(0);
    expect(words.stdout).toMatch(/^letter\.docx \(docx, 1 page\)/);
    expect(words.stdout).toMatch(/lastName\s+Mensah/);
  }, 120_000);

  it('refuses a 200 MB file by its size before reading it, an unknown type and a missing file, keeping nothing', async () => {
    const before = kept();
    const big = path.join(dir, 'huge.pdf');
    fs.writeFileSync(big, '%PDF-1.7\n');
    fs.truncateSync(big, 200 * 1024 * 1024);
    const tooBig = await runDesk(['intake', big, '--json', '--data', data]);
    expect(tooBig.code).toBe(1);
    expect(tooBig.stderr).toMatch(/huge\.pdf is 200 MB; intake reads documents up to 25 MB/);
    expect(tooBig.stdout).toBe('');
    const odd = path.join(dir, 'photo.heic');
    fs.writeFileSync(odd, Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0]));
    const unknown = await runDesk(['intake', odd, '--data', data]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/not one intake reads/);
    const missing = await runDesk(['intake', path.join(dir, 'nope.pdf'), '--data', data]);
    expect(missing.code).toBe(2);
    expect(kept()).toBe(before);
  }, 120_000);
});
