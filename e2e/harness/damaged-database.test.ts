/** The harness on a damaged database: refused with the clear error, started anew only when asked. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { isDamagedDatabaseError } from '../../src-main/db/damage';
import { startHarness } from './server';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
});

function setup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-harness-damaged-'));
  roots.push(root);
  fs.mkdirSync(path.join(root, 'renderer'));
  fs.writeFileSync(path.join(root, 'renderer/index.html'), '<html><head></head><body></body></html>');
  fs.writeFileSync(path.join(root, 'bridge.js'), '');
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir);
  fs.writeFileSync(path.join(dataDir, 'admin-desk.sqlite'), '');
  return { dataDir, rendererDir: path.join(root, 'renderer'), bridgeFile: path.join(root, 'bridge.js') };
}

it('refuses a 0-byte database, and starts with a new one only with newDatabase', async () => {
  const options = setup();
  const refused = await startHarness(options).catch((err: unknown) => err);
  expect(isDamagedDatabaseError(refused)).toBe(true);
  expect(fs.statSync(path.join(options.dataDir, 'admin-desk.sqlite')).size).toBe(0);
  expect(fs.readFileSync(path.join(options.dataDir, 'logs/app.log'), 'utf8')).toMatch(/refused a damaged database/);

  const harness = await startHarness({ ...options, newDatabase: true });
  try {
    expect(fs.readdirSync(options.dataDir).filter((f) => f.includes('.damaged-'))).toHaveLength(1);
    expect((await harness.backend.invoke('instances:list')).ok).toBe(true);
  } finally {
    await harness.close();
  }
});
