/**
 * The trail in words: plan titles, people and role names instead of ids and JSON; filters by
 * actor, kind, plan, dates and words; every administrator decision (a privileged approval, a role
 * marked privileged, four-eyes turned off) in it, and the chain intact. Real SQLite, the mirror
 * from the real sync of a sandbox over HTTP.
 */
import { describe, expect, it } from 'vitest';
import { createInstancesService } from '../instances/instances-service';
import { createMirrorService } from '../mirror/mirror-service';
import { approveOperations } from '../plans/approval';
import { createPlan, submitForReview } from '../plans/plans';
import { useMirroredSandboxes } from '../plans/test-support/mirrored-sandboxes';
import { createAuditService } from './audit-service';
import { recordPolicySettings } from './decisions';
import { verifyAuditTrail } from './verify';

const mirrored = useMirroredSandboxes();

describe('the readable trail', () => {
  it('says who did what to whom in words, filters, and keeps every administrator decision', async () => {
    const m = await mirrored();
    const { db, instanceId } = m;
    const instances = createInstancesService({
      db,
      onPolicySettingsChanged: (changes) => recordPolicySettings(db, { actor: 'Cy Local', changes }),
    });
    const mirror = createMirrorService({ db, instances, administrator: () => 'Cy Local' });
    const audit = createAuditService({ db, instances });
    const { people, roles } = m.sb.state.data;
    const person = people.find(
      (p) => !p.deleted && p.accessType === '1' && p.status === 'Active' && p.userType === '10' && !p.isExternal,
    ) as (typeof people)[number];
    const role = roles.find((r) => !r.utaOnly && !r.privileged && !person.roleIds.includes(r.id)) as {
      id: number;
      name: string;
    };

    mirror.setRolePrivileged(instanceId, role.id, true);
    const { plan } = createPlan(db, {
      instanceId,
      title: 'Finance access for month-end',
      createdBy: 'Ana Builder',
      operations: [{ kind: 'add_role', personId: person.id, roleId: role.id }],
    });
    submitForReview(db, { planId: plan.id, actor: 'Ana Builder' });
    const op = plan.operations[0] as { id: number };
    approveOperations(db, {
      planId: plan.id,
      operationIds: [op.id],
      approver: 'Cy Local',
      reason: 'Covers month-end close',
      secondApprover: 'Bea Second',
    });
    instances.updateSettings({ fourEyes: false });
    instances.updateSettings({ theme: 'dark' }); // not a policy setting: not in the trail

    const all = audit.trail({ instanceId });
    const name = `${person.firstName} ${person.lastName}`;
    const texts = all.entries.map((e) => `${e.actor} ${e.summary}`);
    expect(texts).toContain(`Cy Local turned four-eyes approval off`);
    expect(texts).toContain(`Cy Local marked role "${role.name}" privileged`);
    expect(texts).toContain(
      `Bea Second approved the privileged operation "add role ${role.name} for ${name}" in "Finance access for month-end" built by Ana Builder, entered on this computer by Cy Local`,
    );
    for (const e of all.entries) expect(e.summary).not.toMatch(/[{}]|plan:[0-9a-f-]{8}/);
    const approval = all.entries.find((e) => e.action === 'plan.approved');
    expect(approval).toMatchObject({ reason: 'Covers month-end close', planTitle: 'Finance access for month-end' });
    expect(approval?.people).toEqual([name]);

    expect(audit.trail({ kind: 'approvals' }).entries.map((e) => e.actor)).toEqual(['Bea Second']);
    expect(audit.trail({ actor: 'Ana Builder' }).entries.every((e) => e.actor === 'Ana Builder')).toBe(true);
    expect(audit.trail({ q: person.lastName }).total).toBeGreaterThanOrEqual(3);
    expect(audit.trail({ q: 'nobody-by-that-name%' }).total).toBe(0);
    expect(audit.trail({ planId: plan.id }).entries.every((e) => e.planId === plan.id)).toBe(true);
    expect(audit.trail({ from: '2999-01-01' }).total).toBe(0);
    const paged = audit.trail({ pageSize: 2, page: 1 });
    expect([paged.entries.length, paged.total]).toEqual([2, all.total]);
    expect(all.actors).toEqual(expect.arrayContaining(['Ana Builder', 'Bea Second', 'Cy Local']));
    expect(verifyAuditTrail(db).ok).toBe(true);
  });
});
