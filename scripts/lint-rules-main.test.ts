/** The main-process shape rules catch what they are for: handlers delegate, SQL lives in stores. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function errors(filePath: string, code: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.endsWith(rule)).map((m) => m.message);
}

describe('handlers delegate', () => {
  it.each([
    ["import { listPlanRows } from '../plans/store/plans-store';"],
    ["import { getInstance } from '../instances/instances-store';"],
    ["import { listFunctions } from '../connect/store';"],
    ["import { openDatabase } from '../db/open';"],
    ["import Database from 'better-sqlite3';"],
  ])('an ipc handler refuses %s', async (line) => {
    const found = await errors('src-main/ipc/probe-handlers.ts', `${line}\nexport {};\n`, 'no-restricted-imports');
    expect(found).not.toEqual([]);
  });

  it('an ipc handler may name the services and the database type', async () => {
    const code =
      "import type { Services } from './services';\nimport type { DB } from '../db/open';\nexport type S = [Services, DB];\n";
    expect(await errors('src-main/ipc/probe-handlers.ts', code, 'no-restricted-imports')).toEqual([]);
  });
});

describe('SQL lives in store files', () => {
  const sql = "import type { DB } from '../db/open';\nexport const f = (db: DB) => db.prepare('SELECT 1').get();\n";
  const exec = "import type { DB } from '../db/open';\nexport const f = (db: DB) => db.exec('DELETE FROM plans');\n";

  it('refuses SQL in a service or a handler', async () => {
    expect(await errors('src-main/plans/probe-service.ts', sql, 'no-restricted-syntax')).not.toEqual([]);
    expect(await errors('src-main/plans/probe-service.ts', exec, 'no-restricted-syntax')).not.toEqual([]);
    expect(await errors('src-main/ipc/probe-handlers.ts', sql, 'no-restricted-syntax')).not.toEqual([]);
  });

  it('allows it in a store, the sync writers and db/', async () => {
    expect(await errors('src-main/plans/store/probe.ts', sql, 'no-restricted-syntax')).toEqual([]);
    expect(await errors('src-main/mirror/probe-store.ts', sql, 'no-restricted-syntax')).toEqual([]);
    expect(await errors('src-main/sync/write-probe.ts', sql, 'no-restricted-syntax')).toEqual([]);
    expect(await errors('src-main/db/probe.ts', sql, 'no-restricted-syntax')).toEqual([]);
  });

  it('a regular expression exec is not SQL', async () => {
    const code = "export const m = /a(b)/.exec('ab');\n";
    expect(await errors('src-main/plans/probe-service.ts', code, 'no-restricted-syntax')).toEqual([]);
  });
});
