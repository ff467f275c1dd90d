/**
 * The shell on a damaged database: it asks the administrator, and starts on a new database only
 * when told to, with the damaged file moved aside intact.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { createFakeElectron } from './fake-electron';

const fake = createFakeElectron({ messageBoxResponse: 0 });
vi.mock('electron', () => fake.module);

const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-shell-damaged-'));
afterAll(() => {
  delete process.env.ADMIN_DESK_USER_DATA;
  fs.rmSync(userData, { recursive: true, force: true });
});

it('asks before starting with a new database, then moves the damaged one aside and opens the window', async () => {
  const dbFile = path.join(userData, 'admin-desk.sqlite');
  fs.writeFileSync(dbFile, '');
  process.env.ADMIN_DESK_USER_DATA = userData;
  await import('../index');
  await vi.waitFor(() => expect(fake.recorded.windows.length).toBe(1), { timeout: 10_000 });

  expect(fake.recorded.messageBoxes).toHaveLength(1);
  const box = fake.recorded.messageBoxes[0]!;
  expect(box.buttons).toEqual(['Start with a new database', 'Quit']);
  expect(box.cancelId).toBe(1);
  expect(String(box.detail)).toMatch(/is damaged: the file is empty/);
  const copies = fs.readdirSync(userData).filter((f) => /^admin-desk\.damaged-.*\.sqlite$/.test(f));
  expect(copies).toHaveLength(1);
  expect(fs.statSync(path.join(userData, copies[0]!)).size).toBe(0);
  expect(fs.statSync(dbFile).size).toBeGreaterThan(0);
  expect(fs.readFileSync(path.join(userData, 'logs/app.log'), 'utf8')).toMatch(
    /refused a damaged database.*\n.*moved a damaged database aside/,
  );
  expect(fake.recorded.exitCalls).toEqual([]);
});
