import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sodSql } from '../test-support/definitions-sql';
import { scanFixture, score, type ScanFixture } from '../test-support/scan-fixture';
import { suggestSodRules } from './sod-catalogue';

let f: ScanFixture;
beforeAll(async () => {
  f = await scanFixture();
});
afterAll(() => f?.close());

const roleId = (name: string) =>
  f.db
    .prepare('SELECT id FROM mirror_roles WHERE instance_id = ? AND name = ?')
    .pluck()
    .get(f.instanceId, name) as number;

describe('separation-of-duties conflicts', () => {
  it('finds nobody without rules', () => {
    f.scan();
    expect(f.findings('sod_conflict')).toEqual([]);
  });

  it('finds everyone holding both roles of a rule, as SQL over the holdings finds them', () => {
    const a = roleId('Finance Approver');
    const b = roleId('Finance Officer');
    f.scan({ rules: [{ id: 1, roleA: a, roleB: b, name: 'Approve apart from record' }], settingsDigest: 'rule-1' });
    const expected = sodSql(f.db, f.instanceId, [{ id: 1, roleA: a, roleB: b }]).map((k) => k.split(':')[0]!);
    expect(expected.length).toBeGreaterThan(0);
    const found = f.findings('sod_conflict');
    expect(
      score(
        found.map((x) => String(x.personId)),
        expected,
      ),
    ).toMatchObject({ missed: [], extra: [] });
    expect(found[0]!.reason).toMatch(
      /^Holds both Finance Approver and Finance Officer, which the rule "Approve apart from record" keeps apart/,
    );
    expect(found[0]!.key).toBe(`sod_conflict:${found[0]!.personId}:1`);
  });

  it('clears the findings when the rule is gone', () => {
    f.scan({ rules: [], settingsDigest: 'no-rules' });
    expect(f.findings('sod_conflict')).toEqual([]);
  });

  it('suggests Payment Approver with Payment Processor from the catalogue, and never a role with itself', () => {
    const roles = (
      f.db.prepare('SELECT id, name FROM mirror_roles WHERE instance_id = ? AND uta_only = 0').all(f.instanceId) as {
        id: number;
        name: string;
      }[]
    ).map((r) => ({ ...r, privileged: false, likelyPrivileged: false }));
    const suggestions = suggestSodRules(roles);
    const names = suggestions.map((s) => [s.roleA.name, s.roleB.name].sort().join(' + '));
    expect(names).toContain('Payment Approver + Payment Processor');
    expect(names).toContain('Compliance Auditor + System Administrator');
    for (const s of suggestions) {
      expect(s.roleA.id).toBeLessThan(s.roleB.id);
      expect(s.why.length).toBeGreaterThan(10);
    }
    expect(new Set(names).size).toBe(names.length);
  });
});
