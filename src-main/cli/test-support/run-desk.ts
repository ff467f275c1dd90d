/**
 * Runs the real `desk` in a child process, as an administrator would: a plain node on this run's
 * one bundle of the CLI (test-support/bundle.ts), so a start costs no TypeScript compile.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { testBundle } from '../../test-support/bundle';

export interface DeskRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ENTRY = path.join(import.meta.dirname, 'desk-entry.ts');

export async function runDesk(args: string[], env: NodeJS.ProcessEnv = {}): Promise<DeskRun> {
  const bundle = await testBundle(ENTRY);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
