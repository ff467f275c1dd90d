import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { createInstance } from '../instances/instances-store';
import { useTempDirs } from '../test-support/temp-dir';
import { createSqliteBudget } from './sqlite-budget';

const tempDir = useTempDirs();

describe('the SQLite call budget', () => {
  it('remembers the calls of the rolling hour across a restart and waits before the limit', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    let now = Date.UTC(2026, 0, 1, 9, 0, 0);
    const clock = () => now;
    const first = openDatabase(file).db;
    const { id } = createInstance(first, {
      name: 'P',
      host: 'https://a.smartsimple.com',
      alias: 'a',
      rootCompanyId: '1',
      apiVersion: 1,
    });
    const budget = createSqliteBudget(first, id, { limit: 5, clock });
    for (let i = 0; i < 4; i++) {
      budget.record(now);
      now += 60_000;
    }
    first.close();

    // A restart: the four calls are still counted.
    const again = openDatabase(file).db;
    const reloaded = createSqliteBudget(again, id, { limit: 5, clock });
    expect(reloaded.used()).toBe(4);
    expect(reloaded.remaining()).toBe(1);
    reloaded.record(now);
    expect(reloaded.remaining()).toBe(0);
    // The first call leaves the window an hour after it was made.
    expect(reloaded.nextSlotAt()).toBe(Date.UTC(2026, 0, 1, 10, 0, 0));
    now = Date.UTC(2026, 0, 1, 10, 0, 1);
    expect(reloaded.remaining()).toBe(1);
    again.close();
  });

  it('takes back a call that never reached the server, in SQLite too', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const now = Date.UTC(2026, 0, 1, 9, 0, 0);
    const db = openDatabase(file).db;
    const { id } = createInstance(db, {
      name: 'P',
      host: 'https://a.smartsimple.com',
      alias: 'a',
      rootCompanyId: '1',
      apiVersion: 1,
    });
    const budget = createSqliteBudget(db, id, { clock: () => now });
    budget.record(now);
    budget.record(now);
    budget.unrecord?.(now);
    expect(budget.used()).toBe(1);
    budget.unrecord?.(now - 5); // nothing recorded then: nothing changes
    expect(budget.used()).toBe(1);
    expect(createSqliteBudget(db, id, { clock: () => now }).used()).toBe(1);
    db.close();
  });
});
