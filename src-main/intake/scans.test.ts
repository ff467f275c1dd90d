/**
 * Scans and images through OCR (tesseract.js in the intake worker), made here from a rendered form
 * page turned, greyed and speckled as a scanner would; and proof that nothing is fetched.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { openDatabase } from '../db/open';
import { createIntakeService } from './intake-service';
import { jpegOf, pdfOf, pngOf, scanOf, scannedPdfOf, tiffOf } from './test-support/documents';
import { createIntakeWorker } from './worker/worker-client';

const require = createRequire(import.meta.url);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-scans-'));
const { db } = openDatabase(path.join(dir, 'admin-desk.sqlite'));
const worker = createIntakeWorker();
const intake = createIntakeService({ db, blobDir: path.join(dir, 'intake'), worker });
let form: Uint8Array;
beforeAll(async () => {
  form = await pdfOf({
    content: [
      { text: 'Staff access request', fontSize: 16, margin: [0, 0, 0, 12] },
      'First name:   Maribel',
      'Surname:   Okonkwo',
      'E-mail:   maribel.okonkwo@harbourfund.example.org',
      'Start date:   2027-03-15',
      'Department:   Grants Administration',
    ],
    defaultStyle: { font: 'Helvetica', fontSize: 12, lineHeight: 1.6 },
  });
}, 60_000);
afterAll(async () => {
  await intake.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const expectForm = (fields: Record<string, { value: unknown } | undefined>) => {
  expect(fields.firstName?.value).toBe('Maribel');
  expect(fields.lastName?.value).toBe('Okonkwo');
  expect(fields.email?.value).toBe('maribel.okonkwo@harbourfund.example.org');
  expect(fields.startDate?.value).toBe('2027-03-15');
};

describe('OCR of scans', () => {
  it('reads a turned, grey, speckled PNG: straightened, fields with word boxes, a page picture as OCR saw it', async () => {
    const scan = await scanOf(form, { angle: 4, noise: 0.004, paper: 225, ink: 50 });
    const r = await intake.read({ name: 'scan.png', bytes: pngOf(scan) });
    expect(r.format).toBe('image');
    expectForm(r.fields);
    const page = r.pages[0]!;
    expect(page.view).toBe('scan');
    expect(page.ocr?.rotated).toBeGreaterThan(3.5);
    expect(page.ocr?.rotated).toBeLessThan(4.5);
    expect(page.ocr?.contrast).toBe(true);
    // The source box is in the image's pixels, on the line of its value.
    const box = r.fields.lastName!.source!.box!;
    expect([page.width, page.height]).toEqual([scan.width, scan.height]);
    expect(box.x).toBeGreaterThan(0);
    expect(box.y + box.h).toBeLessThan(scan.height / 3);
    const picture = await intake.page(r.documentId, 1);
    expect([picture.width, picture.height]).toEqual([scan.width, scan.height]);
    expect(Math.max(picture.pixelWidth, picture.pixelHeight)).toBeLessThanOrEqual(1600);
  }, 180_000);

  it('reads a JPEG turned the other way, a TIFF, and an image-only PDF (in PDF points)', async () => {
    const jpeg = await intake.read({ name: 'scan.jpg', bytes: jpegOf(await scanOf(form, { angle: -2.5 }), 70) });
    expectForm(jpeg.fields);
    expect(jpeg.pages[0]!.ocr?.rotated).toBeLessThan(-2);
    const tiff = await intake.read({ name: 'scan.tif', bytes: tiffOf(await scanOf(form, { scale: 2.2 })) });
    expectForm(tiff.fields);
    const pdf = await intake.read({
      name: 'scanned.pdf',
      bytes: await scannedPdfOf([await scanOf(form, { angle: 1.5 })]),
    });
    expect(pdf.format).toBe('pdf-scan');
    expectForm(pdf.fields);
    expect(pdf.pages[0]!.width).toBeCloseTo(595.28, 0);
    expect(pdf.fields.email!.source!.box!.x).toBeLessThan(595);
  }, 240_000);

  it('refuses an empty scan and keeps nothing', async () => {
    const blank = createCanvas(1240, 1754);
    const g = blank.getContext('2d');
    g.fillStyle = '#f4f4f4';
    g.fillRect(0, 0, blank.width, blank.height);
    const before = db.prepare('SELECT COUNT(*) AS n FROM intake_documents').get();
    await expect(intake.read({ name: 'blank.png', bytes: pngOf(blank) })).rejects.toThrow(/no text could be read/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM intake_documents').get()).toEqual(before);
  }, 120_000);

  it('does the work in a worker thread, not on the main one', async () => {
    const { threadId: other } = await worker.call('whoami', {});
    expect(other).not.toBe(threadId);
  });

  it('opens no network connection and writes no model file, with every way out blocked in every thread', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-offline-'));
    const image = path.join(work, 'scan.png');
    fs.writeFileSync(image, pngOf(await scanOf(form, { angle: 1 })));
    const log = path.join(work, 'network.log');
    const here = import.meta.dirname;
    const run = await new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          path.join(here, 'test-support', 'block-network.mjs'),
          '--import',
          // The test's own tsx: the child runs in a folder with no node_modules.
          pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'loader.mjs')).href,
          path.join(here, 'test-support', 'ocr-offline-probe.ts'),
          image,
        ],
        { cwd: work, env: { ...process.env, BLOCK_NETWORK_LOG: log }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out, err }));
    });
    expect(run.code, run.err).toBe(0);
    const result = JSON.parse(run.out) as { fields: Record<string, { value: unknown }>; probe: string };
    expectForm(result.fields);
    // The blocker works (the probe's own fetch was refused and logged), and it caught nothing else.
    expect(result.probe).toMatch(/network blocked/);
    expect(fs.readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      expect.stringMatching(/fetch http:\/\/127\.0\.0\.1:9/),
    ]);
    expect(fs.readdirSync(work).sort()).toEqual(['network.log', 'scan.png']);
    fs.rmSync(work, { recursive: true, force: true });
  }, 180_000);
});
