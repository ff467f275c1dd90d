/** The CLI prints one JSON line the Connect screen accepts, writes the ground truth, and stops on SIGTERM. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { functionRegistrySchema } from '../protocol';
import { encode } from './test-support';

it('serves until SIGTERM after printing its connection', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-cli-'));
  const truthFile = join(dir, 'truth.json');
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      cli,
      '--people',
      '30',
      '--seed',
      '3',
      '--port',
      '0',
      '--hourly-limit',
      '50',
      '--error-style',
      'http4xx',
      '--ground-truth',
      truthFile,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited ${String(code)}`)));
    });
    const connection = JSON.parse(line) as {
      url: string;
      alias: string;
      rootCompanyId: string;
      apiVersion: number;
      apiUser: { username: string; password: string };
      functions: unknown;
    };
    expect(Object.keys(connection).sort()).toEqual([
      'alias',
      'apiUser',
      'apiVersion',
      'functions',
      'rootCompanyId',
      'url',
    ]);
    const functions = functionRegistrySchema.parse(connection.functions);
    const body = encode({
      apitoken: functions['roles.meta']?.token,
      alias: connection.alias,
      companyid: connection.rootCompanyId,
      ...connection.apiUser,
    });
    const reply = await fetch(`${connection.url}/API/1/role/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(((await reply.json()) as { records: unknown[] }).records.length).toBeGreaterThan(10);
    const wrong = await fetch(`${connection.url}/API/1/role/`, { method: 'POST', body: encode({ apitoken: 'x' }) });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(await readFile(truthFile, 'utf8'))).toMatchObject({ seed: 3, people: 30 });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
