import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFixture, type ScanFixture } from '../test-support/scan-fixture';

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

/** Gives a person a role in the mirror, as a sync would write it. */
function grant(personId: number, role: number): void {
  const ids = f.db
    .prepare('SELECT role_ids FROM mirror_people WHERE instance_id = ? AND id = ?')
    .pluck()
    .get(f.instanceId, personId) as string;
  const list = [...new Set([...ids.split(',').filter(Boolean).map(Number), role])].sort((a, b) => a - b);
  f.db
    .prepare('UPDATE mirror_people SET role_ids = ? WHERE instance_id = ? AND id = ?')
    .run(`,${list.join(',')},`, f.instanceId, personId);
  f.db
    .prepare('INSERT OR IGNORE INTO mirror_role_holdings (instance_id, role_id, person_id) VALUES (?, ?, ?)')
    .run(f.instanceId, role, personId);
}

describe('external people with internal roles', () => {
  it('finds none where the externals hold only grantee roles', () => {
    f.scan();
    expect(f.findings('external_internal_role')).toEqual([]);
  });

  it('finds an external person given a staff role, with the share of its holders who are internal', () => {
    const external = f.db
      .prepare(
        "SELECT id FROM mirror_people WHERE instance_id = ? AND is_external = 1 AND access_type = '1' AND status = 'Active' LIMIT 1",
      )
      .pluck()
      .get(f.instanceId) as number;
    const officer = roleId('Grants Officer');
    grant(external, officer);
    f.scan();
    const found = f.findings('external_internal_role');
    expect(found.map((x) => x.personId)).toEqual([external]);
    expect(found[0]!.evidence.roles?.map((r) => r.roleId)).toEqual([officer]);
    expect(found[0]!.reason).toMatch(/^External, yet holds Grants Officer \(\d+% of its \d+ holders are internal\)/);
  });

  it('treats a role the administrator flagged privileged as internal whoever holds it', () => {
    const external = f.db
      .prepare('SELECT id FROM mirror_people WHERE instance_id = ? AND is_external = 1 ORDER BY id DESC LIMIT 1')
      .pluck()
      .get(f.instanceId) as number;
    const portal = roleId('Grantee Portal User');
    grant(external, portal);
    f.scan();
    expect(f.findings('external_internal_role').some((x) => x.personId === external)).toBe(false);
    f.db.prepare('UPDATE mirror_roles SET privileged = 1 WHERE instance_id = ? AND id = ?').run(f.instanceId, portal);
    f.scan();
    const mine = f.findings('external_internal_role').find((x) => x.personId === external);
    expect(mine?.reason).toContain('Grantee Portal User (privileged)');
  });
});
