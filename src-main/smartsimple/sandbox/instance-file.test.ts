/**
 * Instance files: a generated instance written and read back is the same file; served over HTTP
 * and synced, the mirror holds what the file says; the CLI loads one and writes it back
 * unchanged; a file with a problem is refused with the problem's path, in plain words.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger';
import { runSync } from '../../sync/run-sync';
import { makeSyncClient, testJob } from '../../sync/test-support/sync-fixtures';
import { openTestDb } from '../../sync/test-support/test-db';
import { InstanceFileError, instanceToFile, loadInstance } from './instance-file';
import type { InstanceFileInput } from './instance-file-schema';
import { generateInstance } from './seed/generate';
import { startSandbox } from './server';

const NOW = Date.UTC(2026, 10, 20);
const generated = generateInstance({ seed: 11, people: 150, now: NOW });
const file = instanceToFile(generated.data, generated.groundTruth);
const text = JSON.stringify(file);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-instance-file-'));
  dirs.push(d);
  return d;
};

describe('instance files', () => {
  it('read back and written again give the same file', () => {
    expect(file.people.length).toBe(150);
    expect(file.sessions.length).toBeGreaterThan(100);
    expect(file.holdings.length).toBeGreaterThan(100);
    const again = instanceToFile(loadInstance(text, 'instance.json').data, loadInstance(text, 'x').groundTruth);
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(text));
  });

  it('served over HTTP and synced, the mirror holds what the file says', async () => {
    const instance = loadInstance(text, 'instance.json');
    const sb = await startSandbox({ instance, clock: 'manual' });
    const test = openTestDb(tempDir());
    try {
      const { client } = makeSyncClient(sb);
      await runSync({
        db: test.db,
        client,
        instanceId: test.instanceId,
        mode: 'auto',
        pageSize: 500,
        logPageSize: 5000,
        ctx: testJob().ctx,
        logger: silentLogger,
      });
      const count = (sql: string) => test.db.prepare(sql).pluck().get(test.instanceId) as number;
      expect(count('SELECT count(*) FROM mirror_people WHERE instance_id = ? AND deleted_at IS NULL')).toBe(150);
      expect(count('SELECT count(*) FROM mirror_role_holdings WHERE instance_id = ?')).toBe(file.holdings.length);
      expect(count('SELECT count(*) FROM mirror_login_sessions WHERE instance_id = ?')).toBe(file.sessions.length);
      expect(count('SELECT count(*) FROM mirror_access_events WHERE instance_id = ?')).toBe(file.accessEvents.length);
      expect(count('SELECT count(*) FROM mirror_program_assignments WHERE instance_id = ?')).toBe(
        file.assignments.length,
      );
      const first = file.people[0]!;
      const row = test.db
        .prepare('SELECT first_name, last_name, email FROM mirror_people WHERE instance_id = ? AND id = ?')
        .get(test.instanceId, first.id);
      expect(row).toEqual({ first_name: first.firstName, last_name: first.lastName, email: first.email });
    } finally {
      test.db.close();
      await sb.close();
    }
  }, 120_000);

  it('refuses a file with a problem, naming where it is', () => {
    const broken = (change: (f: InstanceFileInput) => void) => {
      const f = JSON.parse(text) as InstanceFileInput;
      change(f);
      return () => loadInstance(JSON.stringify(f), 'mine.json');
    };
    expect(() => loadInstance('{"format":', 'mine.json')).toThrow(/mine.json is not JSON/);
    expect(() => loadInstance('[]', 'mine.json')).toThrow(InstanceFileError);
    expect(broken((f) => (f.people[3]!.organizationId = 999_999))).toThrow(
      /people\[3\]\.organizationId: 999999 is not an organization in the file/,
    );
    expect(broken((f) => (f.sessions[0]!.ip = '300.1.1.1'))).toThrow(/sessions\[0\]\.ip: .*IPv4/);
    const programOnly = file.roles.find((r) => r.programOnly)!;
    expect(broken((f) => f.holdings.push({ personId: file.people[0]!.id, roleId: programOnly.id }))).toThrow(
      new RegExp(`${programOnly.name} is a program-only role`),
    );
    expect(broken((f) => (f.people[1]!.id = f.people[0]!.id))).toThrow(/people\[1\]\.id: \d+ is used twice/);
    expect(broken((f) => (f.now = 'yesterday'))).toThrow(/now: /);
  });

  it('the CLI serves a file and writes it back unchanged', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'instance.json');
    const output = path.join(dir, 'written.json');
    fs.writeFileSync(input, text);
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cli, '--instance', input, '--write-instance', output, '--port', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`exited ${String(code)}`)));
      });
      expect((JSON.parse(line) as { alias: string }).alias).toBe(file.alias);
      expect(JSON.parse(fs.readFileSync(output, 'utf8'))).toEqual(JSON.parse(text));
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
