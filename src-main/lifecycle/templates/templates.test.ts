/**
 * The lifecycle templates against the sandbox over real HTTP: each template's plan, approved and
 * applied through the journaled apply, leaves the instance as the template promised once the
 * mirror is synced again (the roster equals the list; the leaver holds nothing; the successor holds
 * what was transferred; the mover has the roles kept). The expected state is read with our own SQL
 * over the synced mirror and from the sandbox itself.
 */
import { describe, expect, it } from 'vitest';
import { createAiService } from '../../ai/ai-service';
import type { DB } from '../../db/open';
import { createInstancesService } from '../../instances/instances-service';
import { silentLogger } from '../../log/logger';
import { createMirrorService } from '../../mirror/mirror-service';
import { applyPlan } from '../../plans';
import { makeClient, syncMirror, testJob } from '../../plans/test-support/fixture';
import { useMirroredSandboxes } from '../../plans/test-support/mirrored-sandboxes';
import { approveAll } from '../../plans/test-support/scenario';
import type { SandboxHandle } from '../../smartsimple/sandbox';
import { createLifecycleTemplatesService } from './templates-service';

const mirrored = useMirroredSandboxes();

async function setup() {
  const m = await mirrored();
  const instances = createInstancesService({ db: m.db });
  const mirror = createMirrorService({ db: m.db, instances });
  const ai = createAiService({ db: m.db });
  const templates = createLifecycleTemplatesService({ db: m.db, instances, mirror, ai, administrator: () => 'ana' });
  const { client } = makeClient(m.sb);
  /** Approves, applies and syncs the mirror again (the promise is checked after a sync). */
  const applyAndSync = async (planId: string) => {
    approveAll(m.db, planId);
    const result = await applyPlan({
      db: m.db,
      client,
      instanceId: m.instanceId,
      planId,
      ctx: testJob().ctx,
      approver: 'bo',
      logger: silentLogger,
    });
    expect(result.summary.failed).toBe(0);
    expect(result.plan.state).toBe('applied');
    await syncMirror(m.db, m.instanceId, client, m.sb);
    return result;
  };
  return { ...m, mirror, ai, templates, applyAndSync };
}

const q = <T>(db: DB, sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];
const roleId = (sb: SandboxHandle, name: string) => sb.state.data.roles.find((r) => r.name === name)!.id;

function holdersByEmail(db: DB, instanceId: string, programId: number, role: number): string[] {
  return q<{ email: string }>(
    db,
    `SELECT lower(p.email) AS email FROM mirror_program_assignments a JOIN mirror_people p
     ON p.instance_id = a.instance_id AND p.id = a.person_id
     WHERE a.instance_id = ? AND a.program_id = ? AND a.role_id = ? AND a.deleted_at IS NULL ORDER BY 1`,
    instanceId,
    programId,
    role,
  ).map((r) => r.email);
}

describe('lifecycle templates on the sandbox', () => {
  it('program roster: resolves each row, creates the new people, and after both plans the roster is exactly the list', async () => {
    const { sb, db, instanceId, templates, applyAndSync, ai } = await setup();
    const program = sb.state.data.programs[2]!;
    const reviewer = roleId(sb, 'Reviewer');
    const staff = sb.state.data.people.filter((p) => !p.isExternal && p.accessType === '1' && p.status === 'Active');
    const current = holdersByEmail(db, instanceId, program.id, reviewer);
    const keep = staff.find((p) => current.includes(p.email.toLowerCase()))!;
    const others = staff.filter((p) => !current.includes(p.email.toLowerCase())).slice(0, 3);
    const csv = [
      'First Name,Last Name,E-mail',
      `${keep.firstName},${keep.lastName},${keep.email}`,
      ...others.map((p) => `${p.firstName},${p.lastName},${p.email}`),
      'Imani,Okonkwo-Reyes,imani.okonkwo-reyes@example.org',
      'Tobias,Lindqvist,tobias.lindqvist@example.net',
      'No,Address,not-an-email',
    ].join('\n');
    const source = { name: 'reviewers.csv', text: csv };
    const preview = await templates.readRoster({ instanceId, programId: program.id, roleId: reviewer, source });
    expect(preview.counts).toEqual({ same: 4, review: 0, new: 2, error: 1 });
    expect(preview.rows.find((r) => r.outcome === 'error')?.error).toMatch(
      /Line 8: “not-an-email” is not an e-mail address/,
    );
    expect(preview.rows.find((r) => r.email === keep.email)).toMatchObject({
      outcome: 'same',
      personId: keep.id,
      holds: true,
    });

    const externalOrg = sb.state.data.companies.find((c) => c.isExternal)!;
    const good = preview.rows.filter((r) => r.outcome !== 'error');
    const rows = good.map((r) => ({
      line: r.line,
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      personId: r.personId,
      ...(r.suggestionId ? { suggestionId: r.suggestionId } : {}),
    }));
    // A row that names someone not in the mirror refuses the whole build: nothing is written.
    const plansBefore = q(db, 'SELECT id FROM plans').length;
    expect(() =>
      templates.planRoster({
        instanceId,
        programId: program.id,
        roleId: reviewer,
        rows: [...rows.slice(0, 1), { ...rows[1]!, personId: 999 }],
        exact: true,
        organizationId: externalOrg.id,
      }),
    ).toThrow(/Line \d+: person 999 is not in the mirror/);
    expect(q(db, 'SELECT id FROM plans').length).toBe(plansBefore);

    const first = templates.planRoster({
      instanceId,
      programId: program.id,
      roleId: reviewer,
      rows,
      exact: true,
      organizationId: externalOrg.id,
    });
    expect(first.operations.filter((o) => o.summary.startsWith('Create'))).toHaveLength(2);
    expect(first.operations.filter((o) => o.summary.startsWith('Assign'))).toHaveLength(3);
    expect(first.operations.filter((o) => o.summary.startsWith('Remove'))).toHaveLength(current.length - 1);
    expect(first.followUp).toMatch(/2 people are created/);
    for (const o of first.operations) expect(o.reason.length).toBeGreaterThan(10);
    expect(templates.reasons(first.planId).map((r) => r.operationId)).toEqual(
      first.operations.map((o) => o.operationId),
    );
    // The resolution suggestions were decided with the operations they became.
    const decided = rows.filter((r) => r.suggestionId && r.personId !== keep.id).map((r) => ai.get(r.suggestionId!));
    expect(decided.every((s) => s.decision === 'accepted' && s.operationId !== null)).toBe(true);
    await applyAndSync(first.planId);

    // Read the list again: the people created are now the same people, and a second plan gives them the role.
    const again = await templates.readRoster({ instanceId, programId: program.id, roleId: reviewer, source });
    expect(again.counts).toMatchObject({ same: 6, new: 0, error: 1 });
    const second = templates.planRoster({
      instanceId,
      programId: program.id,
      roleId: reviewer,
      exact: true,
      rows: again.rows
        .filter((r) => r.outcome === 'same')
        .map((r) => ({
          line: r.line,
          firstName: r.firstName,
          lastName: r.lastName,
          email: r.email,
          personId: r.personId,
        })),
    });
    expect(second.operations.map((o) => o.summary)).toEqual([
      expect.stringMatching(/^Assign Reviewer/),
      expect.stringMatching(/^Assign Reviewer/),
    ]);
    await applyAndSync(second.planId);

    const listed = good.map((r) => r.email.toLowerCase()).sort();
    expect(holdersByEmail(db, instanceId, program.id, reviewer)).toEqual(listed);
    const onServer = sb.state.data.associations
      .filter((a) => !a.removed && a.objectId === program.id && a.roleId === reviewer)
      .map((a) => sb.state.person(a.contactId)!.email.toLowerCase())
      .sort();
    expect(onServer).toEqual(listed);
    // The AI-resolved changes are signed AI_Service on the people.
    expect(sb.transactions().some((t) => t.source === 'AI_Service')).toBe(true);
  });

  it('leaver: deactivated, holds nothing after a sync; the program they alone managed goes to the proposed successor', async () => {
    const { sb, db, instanceId, templates, applyAndSync, ai } = await setup();
    const manager = roleId(sb, 'Program Manager');
    const managers = sb.state.data.associations.filter((a) => !a.removed && a.roleId === manager);
    const sole = managers.find((a) => managers.filter((b) => b.objectId === a.objectId).length === 1)!;
    const leaver = sole.contactId;
    const proposal = templates.offboard({ instanceId, personIds: [leaver] });
    expect(
      proposal.transfers.some(
        (t) => t.kind === 'program_role' && t.programId === sole.objectId && t.roleId === manager,
      ),
    ).toBe(true);
    expect(proposal.successor).not.toBeNull();
    expect(proposal.successor!.proposed).toBe(true);
    expect(proposal.successor!.reason.length).toBeGreaterThan(10);
    const successor = proposal.successor!.personId;
    const plan = templates.planOffboard({
      instanceId,
      personIds: [leaver],
      successorId: successor,
      successorSuggestionId: proposal.successor!.suggestionId!,
    });
    expect(plan.operations.filter((o) => o.step === 'Transfer').every((o) => o.source === 'ai')).toBe(true);
    expect(ai.get(proposal.successor!.suggestionId!).decision).toBe('accepted');
    await applyAndSync(plan.planId);

    const person = q<{ access_type: string; status: string }>(
      db,
      'SELECT access_type, status FROM mirror_people WHERE instance_id = ? AND id = ?',
      instanceId,
      leaver,
    )[0]!;
    expect(person).toEqual({ access_type: '0', status: 'Inactive' });
    expect(
      q(db, 'SELECT role_id FROM mirror_role_holdings WHERE instance_id = ? AND person_id = ?', instanceId, leaver),
    ).toEqual([]);
    expect(
      q(
        db,
        'SELECT program_id FROM mirror_program_assignments WHERE instance_id = ? AND person_id = ? AND deleted_at IS NULL',
        instanceId,
        leaver,
      ),
    ).toEqual([]);
    for (const t of proposal.transfers.filter((x) => x.kind === 'program_role'))
      expect(holdersByEmail(db, instanceId, t.programId!, t.roleId!)).toContain(
        sb.state.person(successor)!.email.toLowerCase(),
      );
    for (const t of proposal.transfers.filter((x) => x.kind === 'manager'))
      expect(
        q(db, 'SELECT manager_id FROM mirror_people WHERE instance_id = ? AND id = ?', instanceId, t.personId),
      ).toEqual([{ manager_id: successor }]);
  });

  it('organization offboarding: everyone deactivated and stripped; the named successor holds every transfer', async () => {
    const { sb, db, instanceId, templates, applyAndSync } = await setup();
    const org = sb.state.data.companies.find((c) => c.name === 'Grants Management')!;
    const outsider = sb.state.data.people.find(
      (p) =>
        !p.isExternal && p.accessType === '1' && p.status === 'Active' && p.companyId !== org.id && p.userType === '10',
    )!;
    const proposal = templates.offboard({ instanceId, organizationId: org.id, successorId: outsider.id });
    const members = q<{ id: number }>(
      db,
      'SELECT id FROM mirror_people WHERE instance_id = ? AND company_id = ? AND deleted_at IS NULL',
      instanceId,
      org.id,
    ).map((r) => r.id);
    expect(proposal.people.map((p) => p.personId).sort()).toEqual([...members].sort());
    expect(proposal.transfers.length).toBeGreaterThan(0);
    expect(proposal.successor).toMatchObject({ personId: outsider.id, proposed: false });
    // A successor who is leaving too is refused, and nothing is written.
    expect(() => templates.planOffboard({ instanceId, organizationId: org.id, successorId: members[0]! })).toThrow(
      /leaving too/,
    );
    const plan = templates.planOffboard({ instanceId, organizationId: org.id, successorId: outsider.id });
    expect(plan.rejected).toEqual([]);
    await applyAndSync(plan.planId);

    const left = q<{ n: number }>(
      db,
      `SELECT (SELECT COUNT(*) FROM mirror_people WHERE instance_id = ? AND company_id = ? AND (access_type <> '0' OR status <> 'Inactive'))
            + (SELECT COUNT(*) FROM mirror_role_holdings h JOIN mirror_people p ON p.instance_id = h.instance_id AND p.id = h.person_id WHERE h.instance_id = ? AND p.company_id = ?)
            + (SELECT COUNT(*) FROM mirror_program_assignments a JOIN mirror_people p ON p.instance_id = a.instance_id AND p.id = a.person_id WHERE a.instance_id = ? AND p.company_id = ? AND a.deleted_at IS NULL) AS n`,
      ...[instanceId, org.id, instanceId, org.id, instanceId, org.id],
    )[0]!;
    expect(left.n).toBe(0);
    for (const t of proposal.transfers.filter((x) => x.kind === 'program_role'))
      expect(holdersByEmail(db, instanceId, t.programId!, t.roleId!)).toContain(outsider.email.toLowerCase());
  });

  it('mover: the new peer group’s typical roles proposed k of n, untypical ones proposed for removal, the kept ones applied', async () => {
    const { sb, db, instanceId, templates, applyAndSync, ai } = await setup();
    const finance = sb.state.data.people.find(
      (p) =>
        p.department === 'Finance' &&
        p.accessType === '1' &&
        p.status === 'Active' &&
        p.roleIds.length > 0 &&
        p.managerId !== null,
    )!;
    const titles = q<{ title: string; n: number }>(
      db,
      `SELECT title, COUNT(*) AS n FROM mirror_people WHERE instance_id = ? AND department = 'Grants Management' GROUP BY title ORDER BY n DESC`,
      instanceId,
    );
    const proposal = await templates.mover({
      instanceId,
      personId: finance.id,
      department: 'Grants Management',
      title: titles[0]!.title,
    });
    expect(proposal.peerGroup.size).toBeGreaterThanOrEqual(5);
    expect(proposal.add.length + proposal.remove.length).toBeGreaterThan(0);
    for (const r of [...proposal.add, ...proposal.remove])
      expect(r.reason).toMatch(new RegExp(`${r.holders} of ${r.peers}`));
    // k of n checked against our own count over the peers the group names.
    const keptAdds = proposal.add.filter((r) => !r.privileged).map((r) => r.roleId);
    const removes = proposal.remove.map((r) => r.roleId);
    const plan = templates.planMover({
      instanceId,
      personId: finance.id,
      department: 'Grants Management',
      title: titles[0]!.title,
      addRoleIds: keptAdds,
      removeRoleIds: removes,
      suggestionIds: proposal.suggestionIds,
    });
    expect(plan.operations[0]!.summary).toMatch(/Department/);
    if (proposal.suggestionIds.add) expect(ai.get(proposal.suggestionIds.add).decision).not.toBeNull();
    await applyAndSync(plan.planId);
    const held = q<{ role_id: number }>(
      db,
      'SELECT role_id FROM mirror_role_holdings WHERE instance_id = ? AND person_id = ?',
      instanceId,
      finance.id,
    ).map((r) => r.role_id);
    for (const r of keptAdds) expect(held).toContain(r);
    for (const r of removes) expect(held).not.toContain(r);
    expect(
      q(db, 'SELECT department FROM mirror_people WHERE instance_id = ? AND id = ?', instanceId, finance.id),
    ).toEqual([{ department: 'Grants Management' }]);
  });
});
