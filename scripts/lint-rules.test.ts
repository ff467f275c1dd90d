/** The per-folder import rules catch what they are for (ESLint run on snippets at real paths). */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ["import fs from 'node:fs';"],
    ["import { ipcRenderer } from 'electron';"],
    ["import Database from 'better-sqlite3';"],
    ["import keytar from 'keytar';"],
    ["import OpenAI from 'openai';"],
    ["import { openDatabase } from '../../src-main/db/open';"],
  ])('the renderer refuses %s', async (line) => {
    expect(await restrictedImportErrors('src-renderer/screens/x/probe.tsx', `${line}\nexport {};\n`)).not.toEqual([]);
  });

  it('the renderer may import the contract', async () => {
    expect(
      await restrictedImportErrors(
        'src-renderer/probe.ts',
        "import { channels } from '../src-preload/contract';\nexport const c = channels;\n",
      ),
    ).toEqual([]);
  });

  it('the backend refuses electron; the shell may use it', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await restrictedImportErrors('src-main/backend/probe.ts', code)).not.toEqual([]);
    expect(await restrictedImportErrors('src-main/index.ts', code)).toEqual([]);
  });

  it('the preload imports only electron and types', async () => {
    expect(
      await restrictedImportErrors('src-preload/index.ts', "import fs from 'node:fs';\nexport const f = fs;\n"),
    ).not.toEqual([]);
    expect(
      await restrictedImportErrors(
        'src-preload/api.ts',
        "import { channels } from './contract';\nexport const c = channels;\n",
      ),
    ).not.toEqual([]);
    expect(
      await restrictedImportErrors(
        'src-preload/api.ts',
        "import type { Result } from './contract';\nexport type R = Result<1>;\n",
      ),
    ).toEqual([]);
  });

  it.each([
    ['src-preload/contract/mirror.ts', "import type { PersonRow } from '../../src-main/db/queries/mirror-people';"],
    ['src-preload/contract/mirror.ts', "import { searchPeople } from '../../src-main/db/queries/mirror-people';"],
    ['src-preload/contract/plans.ts', "import type { Plan } from '../../src-main/plans';"],
    ['src-preload/contract/plans.ts', "export type { Plan } from '../../src-main/plans';"],
    ['src-preload/api.ts', "import type { PersonRow } from '../src-main/mirror/people-store';"],
    ['src-preload/index.ts', "import type { Plan } from '../src-main/plans/types';"],
    ['src-preload/contract/app.test.ts', "import type { DB } from '../../src-main/db/open';"],
  ])('%s may not import from src-main, not even types: %s', async (filePath, line) => {
    expect(await restrictedImportErrors(filePath, `${line}\nexport {};\n`)).not.toEqual([]);
  });

  it('the contract may import its own files and zod', async () => {
    const code = "import { z } from 'zod';\nimport { channel } from './wire';\nexport const c = [z, channel];\n";
    expect(await restrictedImportErrors('src-preload/contract/mirror.ts', code)).toEqual([]);
  });

  it('the preload bundle takes values only from contract/names', async () => {
    expect(
      await restrictedImportErrors(
        'src-preload/index.ts',
        "import { IPC_EVENT } from './contract/names';\nexport const e = IPC_EVENT;\n",
      ),
    ).toEqual([]);
    expect(
      await restrictedImportErrors(
        'src-preload/index.ts',
        "import { plansChannels } from './contract/plans';\nexport const p = plansChannels;\n",
      ),
    ).not.toEqual([]);
    expect(
      await restrictedImportErrors(
        'src-preload/api.ts',
        "import type { PlanDetail } from './contract/plans';\nexport type P = PlanDetail;\n",
      ),
    ).toEqual([]);
  });
});
