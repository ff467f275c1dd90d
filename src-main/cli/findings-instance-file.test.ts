/**
 * A held-out instance as a scorer runs it: an instance file (as `npm run sandbox --
 * --write-instance FILE` writes one, its planted findings inside), then `desk connect --sandbox
 * --instance FILE`, `desk sync` and `desk findings --json`, each a real child process. Every finding
 * names its person by SmartSimple id and its detector kind plainly, and the planted ones are found.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../../src-preload/contract';
import { silentLogger, SecretRegistry } from '../log/logger';
import { instanceToFile } from '../smartsimple/sandbox/instance-file';
import { generateInstance } from '../smartsimple/sandbox/seed/generate';
import { createVault } from '../vault/vault';
import { expectPlantedFindings } from './test-support/planted-findings';
import { runDesk } from './test-support/run-desk';

const SERVICE = `Admin Desk instance-file-test ${crypto.randomUUID()}`;
const available = (
  await createVault({ secrets: new SecretRegistry(), logger: silentLogger, service: SERVICE }).status()
).available;
const required = process.env.ADMIN_DESK_REQUIRE_KEYCHAIN === '1';

const desk = (args: string[]) => runDesk(args, { ADMIN_DESK_KEYCHAIN_SERVICE: SERVICE });

interface InstanceFileShape {
  people: { id: number }[];
  groundTruth: {
    dormant: string[];
    offHoursLogins: { sessionId: string }[];
    peerOutliers: { userId: string; roleId: string }[];
  };
}

interface Finding {
  kind: string;
  key: string;
  personId: number;
  person: { id: number; name: string };
  evidence: { roles?: { roleId: number; subject?: boolean }[] };
}

describe.skipIf(!available && !required)('desk findings --json on an instance file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-instance-file-'));
  const file = path.join(dir, 'held-out.json');
  let instance: InstanceFileShape;
  let findings: Finding[];

  beforeAll(async () => {
    const generated = generateInstance({ seed: 33, people: 600 });
    fs.writeFileSync(file, `${JSON.stringify(instanceToFile(generated.data, generated.groundTruth))}\n`);
    // What a scorer has: the file alone.
    instance = JSON.parse(fs.readFileSync(file, 'utf8')) as InstanceFileShape;
    const connect = await desk(['--data', dir, 'connect', '--sandbox', '--instance', file]);
    expect(connect.code, connect.stderr).toBe(0);
    const sync = await desk(['--data', dir, 'sync']);
    expect(sync.code, sync.stderr).toBe(0);
    const run = await desk(['--data', dir, 'findings', '--json']);
    expect(run.code, run.stderr).toBe(0);
    findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("names each finding's person by their SmartSimple id and its kind plainly", () => {
    const ids = new Set(instance.people.map((p) => p.id));
    expect(findings.length).toBeGreaterThan(10);
    for (const f of findings) {
      expect(ids.has(f.person.id), `${f.key}: person ${f.person.id}`).toBe(true);
      expect(f.personId).toBe(f.person.id);
      expect(FINDING_KINDS).toContain(f.kind);
      expect(f.key.startsWith(`${f.kind}:`)).toBe(true);
    }
  });

  it("finds the file's planted findings", () => {
    expect(instance.groundTruth.dormant.length).toBeGreaterThan(0);
    expectPlantedFindings(findings, instance.groundTruth);
  });
});
