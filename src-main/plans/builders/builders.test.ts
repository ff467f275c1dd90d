/** Builders: a CSV of people and roles, a selection, and the three named bulk filters. */
import { describe, expect, it } from 'vitest';
import { formatWireDate } from '../../smartsimple/protocol';
import { createPlan } from '../plans';
import { PLANS_TEST_NOW } from '../test-support/fixture';
import { useMirroredSandboxes } from '../test-support/mirrored-sandboxes';
import { buildFromCsv } from './csv';
import { buildFromSelection, deactivateOrganization, grantRoleToDepartment, removeRoleFromDormant } from './filters';

const mirrored = useMirroredSandboxes();

async function setup() {
  const m = await mirrored();
  const { plan } = createPlan(m.db, { instanceId: m.instanceId, title: 'Built', createdBy: 'ana' });
  return { ...m, planId: plan.id };
}

describe('builders', () => {
  it('reads a CSV: matches by id or e-mail, adds, removes or replaces roles, and reports rows by line', async () => {
    const { sb, db, planId } = await setup();
    const live = sb.state.data.people.filter((p) => !p.deleted && p.roleIds.length >= 2);
    const [a, b, c] = live as [(typeof live)[number], (typeof live)[number], (typeof live)[number]];
    const profile = sb.state.data.roles.filter((r) => !r.utaOnly);
    const newRole = profile.find(
      (r) => !a.roleIds.includes(r.id) && !b.roleIds.includes(r.id) && !r.privileged,
    ) as (typeof profile)[number];
    const keep = c.roleIds[0] as number;
    const csv = [
      'Email,User ID,Roles,Action',
      `${a.email.toUpperCase()},,${newRole.name},add`,
      `,${b.id},${newRole.id},`,
      `nobody@nowhere.example,,${newRole.id},add`,
      `,${c.id},"${keep}",replace`,
      `,${a.id},No Such Role,add`,
      `,${b.id},${newRole.id},frobnicate`,
    ].join('\n');
    const result = buildFromCsv(db, { planId, actor: 'ana', csv, mode: 'add' });
    expect(result.rows).toBe(6);
    expect(result.matched).toBe(5);
    expect(result.unmatched).toEqual([
      {
        line: 4,
        message: 'No person with e-mail nobody@nowhere.example in the mirror.',
        field: 'email',
        cells: ['nobody@nowhere.example', '', String(newRole.id), 'add'],
      },
    ]);
    expect(result.header).toEqual(['email', 'id', 'roles', 'action']);
    expect(result.problems.map((p) => p.field)).toEqual(['roles', 'action']);
    expect(result.problems.map((p) => p.line)).toEqual([6, 7]);
    expect(result.problems[0]?.message).toMatch(/Unknown profile role "No Such Role"/);
    const ops = result.plan.operations.map((o) => [o.kind, o.personId, o.params.roleId]);
    expect(ops).toEqual([
      ['add_role', a.id, newRole.id],
      ['add_role', b.id, newRole.id],
      ...c.roleIds.filter((r) => r !== keep).map((r) => ['remove_role', c.id, r]),
    ]);
    expect(result.added).toBe(ops.length);
    // A broken quote, in plain words with the line and the column; never the parser's text.
    const broken = () =>
      buildFromCsv(db, { planId, actor: 'ana', csv: `Email,Dept\n${a.email},ok\n${b.email},"Sales"D`, mode: 'add' });
    expect(broken).toThrow(
      'Line 3: a quoted value in the field "Dept" has text right after its closing quote. Open the file in a spreadsheet and save it as CSV again.',
    );
    expect(() => buildFromCsv(db, { planId, actor: 'ana', csv: `Email,Dept\n${a.email},"Sales`, mode: 'add' })).toThrow(
      /a quote opened in the field "Dept" is never closed\. Open the file in a spreadsheet/,
    );
    // A binary file is refused without echoing a byte of it.
    const binary = 'PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000b\u00ee\u009dh^';
    let refusal = '';
    try {
      buildFromCsv(db, { planId, actor: 'ana', csv: binary, mode: 'add', roles: [newRole.id] });
    } catch (e) {
      refusal = (e as Error).message;
    }
    expect(refusal).toMatch(/^This file is not a CSV: it looks like a binary file/);
    expect(refusal).not.toContain('PK');
    // A CSV without a person column is refused as a whole.
    expect(() => buildFromCsv(db, { planId, actor: 'ana', csv: 'name\nx', mode: 'add', roles: [newRole.id] })).toThrow(
      /"email" or an "id" column/,
    );
  });

  it('deactivates everyone at an organization who can still sign in', async () => {
    const { sb, db, planId } = await setup();
    const byOrg = new Map<number, number>();
    for (const p of sb.state.data.people)
      if (!p.deleted && p.accessType !== '0' && p.status === 'Active')
        byOrg.set(p.companyId, (byOrg.get(p.companyId) ?? 0) + 1);
    const [orgId, count] = [...byOrg].sort((x, y) => y[1] - x[1])[0] as [number, number];
    const result = deactivateOrganization(db, { planId, actor: 'ana', organizationId: orgId });
    expect(result.selected).toBe(count);
    expect(result.added).toBe(count);
    expect(
      result.plan.operations.every(
        (o) => o.kind === 'deactivate' && o.after['sf_Access Type'] === '0' && o.after['sf_Status'] === 'Inactive',
      ),
    ).toBe(true);
  });

  it('grants a role to a department (only those who lack it) and removes a role from dormant holders', async () => {
    const { sb, db, planId } = await setup();
    const live = sb.state.data.people.filter((p) => !p.deleted);
    const department = live.find((p) => p.department)?.department as string;
    const role = sb.state.data.roles.find(
      (r) => !r.utaOnly && !r.privileged && live.some((p) => p.department === department && p.roleIds.includes(r.id)),
    ) as { id: number };
    const lacking = live.filter((p) => p.department === department && !p.roleIds.includes(role.id));
    const granted = grantRoleToDepartment(db, {
      planId,
      actor: 'ana',
      roleId: role.id,
      department: department.toUpperCase(),
    });
    expect(granted.plan.operations.map((o) => o.personId)).toEqual(lacking.map((p) => p.id).sort((x, y) => x - y));

    const { plan: second } = createPlan(db, {
      instanceId: granted.plan.instanceId,
      title: 'Dormant',
      createdBy: 'ana',
    });
    const cutoff = PLANS_TEST_NOW - 90 * 86_400_000;
    const held = sb.state.data.roles
      .filter((r) => !r.utaOnly)
      .find((r) => live.some((p) => p.roleIds.includes(r.id) && (p.lastLogin === null || p.lastLogin < cutoff))) as {
      id: number;
    };
    const dormant = live.filter(
      (p) =>
        p.roleIds.includes(held.id) && (p.lastLogin === null || formatWireDate(p.lastLogin) < formatWireDate(cutoff)),
    );
    const removed = removeRoleFromDormant(db, {
      planId: second.id,
      actor: 'ana',
      roleId: held.id,
      days: 90,
      now: PLANS_TEST_NOW,
    });
    expect(removed.plan.operations.map((o) => o.personId)).toEqual(dormant.map((p) => p.id).sort((x, y) => x - y));
    expect(removed.plan.operations.every((o) => o.kind === 'remove_role')).toBe(true);
  });

  it('builds from a selection, one operation per person, and says who was left out', async () => {
    const { sb, db, planId } = await setup();
    const role = sb.state.data.roles.find((r) => !r.utaOnly && !r.privileged) as { id: number };
    const [holder, other] = [
      sb.state.data.people.find((p) => !p.deleted && p.roleIds.includes(role.id)),
      sb.state.data.people.find((p) => !p.deleted && !p.roleIds.includes(role.id)),
    ];
    const result = buildFromSelection(db, {
      planId,
      actor: 'ana',
      personIds: [holder?.id ?? 0, other?.id ?? 0],
      action: { kind: 'add_role', roleId: role.id },
      source: 'ai',
      aiSuggestionId: 'review-3',
    });
    expect(result.added).toBe(1);
    expect(result.rejected).toEqual([
      { personId: holder?.id, message: expect.stringMatching(/already holds/) as unknown },
    ]);
    expect(result.plan.operations[0]).toMatchObject({ personId: other?.id, source: 'ai', aiSuggestionId: 'review-3' });
  });
});
