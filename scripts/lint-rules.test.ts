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

describe('renderer layers', () => {
  it.each([
    ['src-renderer/screens/home/probe.tsx', "import { ConnectScreen } from '../connect/connect-screen';"],
    ['src-renderer/screens/plans/probe.tsx', "import type { PeopleBrowseState } from '../people/people-browse-state';"],
    ['src-renderer/screens/plans/probe.tsx', "import { PeopleScreen } from '../../screens/people/people-screen';"],
    ['src-renderer/screens/plans/probe.tsx', "export { PeopleScreen } from '../people';"],
  ])('a screen refuses another screen: %s %s', async (filePath, line) => {
    expect(await restrictedImportErrors(filePath, `${line}\nexport {};\n`)).not.toEqual([]);
  });

  it('a screen keeps the Node restrictions next to the layer rule', async () => {
    expect(
      await restrictedImportErrors(
        'src-renderer/screens/plans/probe.tsx',
        "import fs from 'node:fs';\nexport const f = fs;\n",
      ),
    ).not.toEqual([]);
  });

  it.each([
    ["import { PlanList } from './plan-list';"],
    ["import { ScreenHeader } from '../../components/screen-header';"],
    ["import { ago } from '../../lib/format';"],
    ["import { useApiQuery } from '../../api';"],
  ])('a screen may import its own files, components, lib and api: %s', async (line) => {
    expect(await restrictedImportErrors('src-renderer/screens/plans/probe.tsx', `${line}\nexport {};\n`)).toEqual([]);
  });

  it('components refuse screens and may import each other', async () => {
    expect(
      await restrictedImportErrors(
        'src-renderer/components/browse/probe.tsx',
        "import { ConnectScreen } from '../../screens/connect/connect-screen';\nexport {};\n",
      ),
    ).not.toEqual([]);
    expect(
      await restrictedImportErrors(
        'src-renderer/components/browse/probe.tsx',
        "import { ExploreSandbox } from '../explore-sandbox';\nexport {};\n",
      ),
    ).toEqual([]);
  });
});

describe('function length', () => {
  // A component of 81 statement lines: one over the limit once blank lines and comments are skipped.
  const longComponent = [
    'export function Long() {',
    '  // a comment, not counted',
    '',
    ...Array.from({ length: 79 }, (_, i) => `  const v${i} = ${i};`),
    '  return v0;',
    '}',
    '',
  ].join('\n');

  async function lengthErrors(filePath: string): Promise<string[]> {
    const [result] = await eslint.lintText(longComponent, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'max-lines-per-function').map((m) => m.message);
  }

  it.each([['src-renderer/screens/people/probe.tsx'], ['src-renderer/components/probe.ts']])(
    'the renderer refuses a function over 80 lines: %s',
    async (filePath) => {
      expect(await lengthErrors(filePath)).not.toEqual([]);
    },
  );

  it('renderer tests are exempt', async () => {
    expect(await lengthErrors('src-renderer/lib/probe.test.ts')).toEqual([]);
  });
});
