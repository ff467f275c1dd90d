import { expect, it, vi } from 'vitest';
import { createFakeElectron } from './fake-electron';

const fake = createFakeElectron({ singleInstanceLock: false });
vi.mock('electron', () => fake.module);

it('quits at once when another Admin Desk already holds the single-instance lock', async () => {
  await import('../index');
  expect(fake.recorded.quitCalls).toBe(1);
  await new Promise((r) => setTimeout(r, 50));
  expect(fake.recorded.windows).toHaveLength(0);
  expect(fake.recorded.handlers.size).toBe(0);
});
