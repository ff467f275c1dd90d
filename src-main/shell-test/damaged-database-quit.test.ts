/** The shell on a damaged database when the administrator chooses Quit: nothing is changed. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { createFakeElectron } from './fake-electron';

const fake = createFakeElectron({ messageBoxResponse: 1 });
vi.mock('electron', () => fake.module);

const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-shell-quit-'));
afterAll(() => {
  delete process.env.ADMIN_DESK_USER_DATA;
  fs.rmSync(userData, { recursive: true, force: true });
});

it('quits without a window and leaves the damaged file as it was', async () => {
  const dbFile = path.join(userData, 'admin-desk.sqlite');
  const garbage = crypto.randomBytes(8192);
  fs.writeFileSync(dbFile, garbage);
  process.env.ADMIN_DESK_USER_DATA = userData;
  await import('../index');
  await vi.waitFor(() => expect(fake.recorded.exitCalls).toEqual([1]), { timeout: 10_000 });

  expect(fake.recorded.messageBoxes).toHaveLength(1);
  expect(fake.recorded.windows).toHaveLength(0);
  expect(fake.recorded.handlers.size).toBe(0);
  expect(fs.readFileSync(dbFile).equals(garbage)).toBe(true);
  expect(fs.readdirSync(userData).sort()).toEqual(['admin-desk.sqlite', 'logs']);
});
