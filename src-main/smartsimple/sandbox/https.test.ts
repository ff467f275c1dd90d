/** The sandbox can serve HTTPS; with requireHttps set it answers TLS calls (plain ones: conformance-dispatch). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { encode, TEST_NOW } from './test-support';
import { startSandbox } from './server';

function selfSigned(): { key: string; cert: string } | null {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const tls = selfSigned();

it.skipIf(!tls)('serves HTTPS and accepts it when https is required', async () => {
  const sandbox = await startSandbox({ seed: 2, people: 30, now: TEST_NOW, tls: tls!, requireHttps: true });
  try {
    expect(sandbox.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = encode({
      apitoken: sandbox.functions['roles.meta']?.token,
      alias: sandbox.alias,
      companyid: sandbox.rootCompanyId,
      ...sandbox.apiUser,
    });
    const reply = await new Promise<string>((resolve, reject) => {
      const req = request(
        `${sandbox.url}/API/1/role/`,
        { method: 'POST', ca: tls!.cert, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    const parsed = JSON.parse(reply) as { records: unknown[]; message: Record<string, unknown> };
    expect(parsed.message.error).toBeUndefined();
    expect(parsed.records.length).toBeGreaterThan(10);
  } finally {
    await sandbox.close();
  }
});
