/**
 * Makes the intake samples in resources/intake-samples/: each document and beside it
 * <file>.expected.json (the fields a careful reader takes from it). Run again to remake them:
 *
 *   npx tsx scripts/make-intake-samples.ts
 *
 * Everything is drawn here (pdfmake, pdfjs + @napi-rs/canvas for the scans, a minimal DOCX, MIME
 * and an Outlook compound file): no system tool is needed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SAMPLES } from './intake-samples/specs';

const out = path.resolve(import.meta.dirname, '..', 'resources', 'intake-samples');
fs.mkdirSync(out, { recursive: true });
for (const sample of SAMPLES) {
  const bytes = await sample.make();
  fs.writeFileSync(path.join(out, sample.file), bytes);
  fs.writeFileSync(
    path.join(out, `${sample.file}.expected.json`),
    `${JSON.stringify({ kind: sample.kind, ...sample.expected }, null, 2)}\n`,
  );
  process.stdout.write(`${sample.file} (${Math.round(bytes.byteLength / 1024)} KB)\n`);
}
process.stdout.write(`${SAMPLES.length} samples in ${path.relative(process.cwd(), out)}\n`);
