/** Runs the real `desk` in a child process (node with the tsx loader), as an administrator would. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface DeskRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const DESK = path.join(import.meta.dirname, '..', 'desk.ts');

export function runDesk(args: string[], env: NodeJS.ProcessEnv = {}): Promise<DeskRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', DESK, ...args], {
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
