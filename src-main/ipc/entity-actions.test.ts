/**
 * The operations the entity pages put into a draft, through the channels against the built-in
 * sandbox over real HTTP: the preview of a bulk action says exactly what it would add (and writes
 * nothing), a new person is summarized with names and lands in the mirror, a program assignment
 * added and removed shows on the person without a sync, a person deactivated is reactivated, and
 * profile fields change.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BuildPreview,
  BuildResult,
  ConnectionDetails,
  JobInfo,
  OrganizationNode,
  PersonDetail,
  PlanApplyResult,
  PlanChange,
  PlanDetail,
  PlanSummary,
  ProgramAssignmentRow,
  ProgramRow,
  RoleRow,
  SearchPeopleResult,
} from '../../src-preload/contract';
import { createBackend, type Backend } from '../backend/backend';
import { ok } from '../test-support/channels';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-entity-actions-'));

describe('entity actions into a draft', () => {
  let b: Backend;
  let instanceId = '';
  let roles: RoleRow[] = [];
  let people: SearchPeopleResult['rows'] = [];

  /** Submits, approves (privileged ones on their own, by a second administrator), applies, waits. */
  const approveAndApply = async (planId: string): Promise<PlanApplyResult> => {
    await ok(b.invoke('plans:submit', { planId }));
    await ok(b.invoke('plans:approve', { planId }));
    const detail = await ok<PlanDetail>(b.invoke('plans:get', { planId }));
    for (const op of detail.people.flatMap((p) => p.operations).filter((o) => !o.approval))
      await ok(
        b.invoke('plans:approve', {
          planId,
          operationIds: [op.id],
          reason: 'Checked for the test',
          secondApprover: 'Second Admin',
        }),
      );
    const job = await ok<JobInfo>(b.invoke('plans:apply', { planId }));
    const done = await b.services.jobs.wait(job.id);
    expect(done.state, done.error?.message).toBe('succeeded');
    return ok<PlanApplyResult>(b.invoke('plans:result', { planId }));
  };
  const person = (personId: number) => ok<PersonDetail>(b.invoke('people:get', { instanceId, personId }));
  const planWith = async (title: string, operations: unknown[]) => {
    const plan = await ok<{ id: string }>(b.invoke('plans:create', { instanceId, title }));
    const change = await ok<PlanChange>(b.invoke('plans:addOperation', { planId: plan.id, operations }));
    expect(change.rejected).toEqual([]);
    return change.plan;
  };
  const active = () => people.filter((p) => !p.removed && p.status === 'Active' && p.accessType === '1');

  beforeAll(async () => {
    b = await createBackend({
      dataDir,
      keychainService: 'Admin Desk entity actions test',
      sandbox: { people: 150, seed: 5 },
      consoleLog: false,
    });
    instanceId = (await ok<ConnectionDetails>(b.invoke('sandbox:explore'))).instance.id;
    await ok(b.invoke('settings:update', { administratorName: 'Ann Admin' }));
    const job = await ok<JobInfo>(b.invoke('sync:start', { instanceId }));
    expect((await b.services.jobs.wait(job.id)).state).toBe('succeeded');
    roles = await ok<RoleRow[]>(b.invoke('roles:list', { instanceId }));
    people = (await ok<SearchPeopleResult>(b.invoke('people:search', { instanceId, limit: 1000 }))).rows;
  });
  afterAll(async () => {
    await b?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('previews an organization deactivation exactly as the build then adds it, and writes nothing', async () => {
    const tree = await ok<OrganizationNode[]>(b.invoke('organizations:tree', { instanceId }));
    const all: OrganizationNode[] = [];
    const walk = (nodes: OrganizationNode[]) => nodes.forEach((n) => (all.push(n), walk(n.children)));
    walk(tree);
    const org = all.filter((o) => !o.removed && o.children.length === 0).sort((x, y) => y.people - x.people)[0]!;
    const build = { kind: 'deactivateOrganization' as const, organizationId: org.id };
    const plansBefore = await ok<PlanSummary[]>(b.invoke('plans:list', { instanceId }));
    const auditBefore = (await ok<{ total: number }>(b.invoke('audit:list', { instanceId }))).total;

    const preview = await ok<BuildPreview>(b.invoke('plans:previewBuild', { instanceId, build }));
    const live = active().filter((p) => p.companyId === org.id).length;
    expect(preview.added).toBe(live);
    expect(preview.added).toBeGreaterThan(0);
    expect(preview.changes).toEqual(
      expect.arrayContaining([
        { label: 'Access Type -> No access', people: live },
        { label: 'Status -> Inactive', people: live },
      ]),
    );
    expect(await ok<PlanSummary[]>(b.invoke('plans:list', { instanceId }))).toEqual(plansBefore);
    expect((await ok<{ total: number }>(b.invoke('audit:list', { instanceId }))).total).toBe(auditBefore);

    // The same people through a People filter: everyone it selects is either added or left out with a reason.
    const byFilter = await ok<BuildPreview>(
      b.invoke('plans:previewBuild', {
        instanceId,
        build: { kind: 'filter', filters: { organizationId: org.id }, action: { kind: 'deactivate' } },
      }),
    );
    expect(byFilter.selected).toBe(people.filter((p) => !p.removed && p.companyId === org.id).length);
    expect(byFilter.added + byFilter.rejectedCount).toBe(byFilter.selected);
    expect(byFilter.added).toBeGreaterThanOrEqual(preview.added);
    expect(byFilter.rejected.every((r) => /already deactivated/.test(r.message))).toBe(true);

    const built = await ok<BuildResult>(b.invoke('plans:buildFromFilter', { instanceId, title: 'Close it', build }));
    expect(built.added).toBe(preview.added);
    expect(built.plan.operations.every((o) => o.kind === 'deactivate')).toBe(true);
    await ok(b.invoke('plans:discard', { planId: built.plan.id }));
  });

  it('previews a selection into the current draft: who is already in it is left out, by name and why', async () => {
    const role = roles.find((r) => !r.utaOnly && !r.removed && r.privileged !== true)!;
    const [a, c] = await Promise.all(
      active()
        .slice(0, 12)
        .map((p) => person(p.id)),
    ).then((ds) => ds.filter((d) => !d.roles.some((r) => r.id === role.id)));
    const draft = await planWith('Current draft', [{ kind: 'add_role', personId: a!.id, roleId: role.id }]);
    const preview = await ok<BuildPreview>(
      b.invoke('plans:previewBuild', {
        instanceId,
        planId: draft.id,
        build: { kind: 'selection', personIds: [a!.id, c!.id], action: { kind: 'add_role', roleId: role.id } },
      }),
    );
    expect(preview).toMatchObject({ selected: 2, added: 1, rejectedCount: 1 });
    expect(preview.changes).toEqual([{ label: `Add profile role ${role.name}`, people: 1 }]);
    expect(preview.rejected[0]).toMatchObject({ personId: a!.id, name: `${a!.firstName} ${a!.lastName}` });
    expect(preview.rejected[0]!.message).toMatch(/already/);
    const still = await ok<PlanDetail>(b.invoke('plans:get', { planId: draft.id }));
    expect(still.totals.operations).toBe(1);
    await ok(b.invoke('plans:discard', { planId: draft.id }));
  });

  it('creates a person: the summary names the organization and roles; after apply the mirror has them', async () => {
    const org = people.find((p) => !p.removed && p.companyId !== null && p.isExternal)!;
    const role = roles.find((r) => !r.utaOnly && !r.removed && r.privileged !== true)!;
    const email = 'tomasz.wojcik@example.org';
    const plan = await planWith('New grantee contact', [
      {
        kind: 'create_person',
        fields: {
          'sf_First Name': 'Tomasz',
          'sf_Last Name': 'Wójcik',
          sf_Email: email,
          'sf_Company ID': String(org.companyId),
          sf_Title: 'Grants Officer',
        },
        roleIds: [role.id],
      },
    ]);
    expect(plan.operations[0]!.summary).toBe(
      `Create Tomasz Wójcik <${email}> in ${org.organization} with ${role.name}`,
    );
    expect(plan.operations[0]!.after['sf_Is External']).toBe('1');
    const result = await approveAndApply(plan.id);
    expect(result.operations.map((o) => o.state)).toEqual(['verified']);
    const found = await ok<SearchPeopleResult>(b.invoke('people:search', { instanceId, query: email }));
    expect(found.rows.map((r) => [r.email, r.organization, r.isExternal])).toEqual([[email, org.organization, true]]);
    const created = await person(found.rows[0]!.id);
    expect(created.roles.map((r) => r.id)).toEqual([role.id]);
  });

  it('adds and removes a program assignment: named in the summary, on the person and the program at once', async () => {
    const programs = await ok<ProgramRow[]>(b.invoke('programs:list', { instanceId }));
    const program = programs.filter((p) => !p.removed).sort((x, y) => y.assignments - x.assignments)[0]!;
    const uta = roles.find((r) => r.utaOnly && !r.removed)!;
    const onProgram = await ok<ProgramAssignmentRow[]>(
      b.invoke('programs:assignments', { instanceId, programId: program.id }),
    );
    const newcomer = active().find((p) => !onProgram.some((a) => a.personId === p.id))!;
    const leaving = onProgram[0]!;
    const plan = await planWith('Reviewers', [
      { kind: 'add_assignment', personId: newcomer.id, programId: program.id, roleId: uta.id },
      { kind: 'remove_assignment', personId: leaving.personId, programId: program.id, roleId: leaving.roleId },
    ]);
    expect(plan.operations.map((o) => o.summary)).toEqual([
      `Assign ${uta.name} on ${program.name}`,
      `Remove ${leaving.roleName} from ${program.name}`,
    ]);
    const result = await approveAndApply(plan.id);
    expect(result.operations.map((o) => o.state)).toEqual(['verified', 'verified']);
    // No sync: the association list read back to verify is in the mirror.
    expect((await person(newcomer.id)).programs).toEqual(
      expect.arrayContaining([expect.objectContaining({ programId: program.id, roleId: uta.id, roleName: uta.name })]),
    );
    const after = await ok<ProgramAssignmentRow[]>(
      b.invoke('programs:assignments', { instanceId, programId: program.id }),
    );
    expect(after.some((a) => a.associationId === leaving.associationId)).toBe(false);
    expect(after.some((a) => a.personId === newcomer.id && a.roleId === uta.id)).toBe(true);
    expect(after).toHaveLength(onProgram.length);
  });

  it('deactivates a person, then reactivates them (User access, Active), each verified on the server', async () => {
    const target = active().find((p) => p.userType === '10')!;
    const off = await planWith('Leaver', [{ kind: 'deactivate', personId: target.id }]);
    expect((await approveAndApply(off.id)).operations.map((o) => o.state)).toEqual(['verified']);
    expect(await person(target.id)).toMatchObject({ accessType: '0', status: 'Inactive' });

    const on = await planWith('Back from leave', [
      { kind: 'set_access', personId: target.id, accessType: '1', status: 'Active' },
    ]);
    // Sign-in given back to someone whose roles are not all decided is approved on its own, and said so.
    const review = await ok<PlanDetail>(b.invoke('plans:get', { planId: on.id }));
    expect(review.warnings.filter((w) => w.kind === 'privileged-grant').map((w) => w.message)).toEqual([
      `Grants sign-in back to ${target.firstName} ${target.lastName}, who holds a privileged or undecided role: approve this operation on its own.`,
    ]);
    expect(on.operations[0]!.summary).toBe(
      'Change access: Access Type: No access -> User, Status: "Inactive" -> "Active"',
    );
    expect((await approveAndApply(on.id)).operations.map((o) => o.state)).toEqual(['verified']);
    expect(await person(target.id)).toMatchObject({ accessType: '1', status: 'Active' });
  });

  it('edits profile fields (name, e-mail, title, department) and refuses a malformed e-mail at the door', async () => {
    const target = active()[20]!;
    const fields = {
      'sf_First Name': 'Renée',
      sf_Email: `renee.${target.id}@example.org`,
      sf_Title: 'Programme Lead',
      cf_Department: 'Grants',
    };
    const plan = await planWith('Profile', [{ kind: 'update_fields', personId: target.id, fields }]);
    expect(plan.operations[0]!.summary).toMatch(/^Update: First Name: ".*" -> "Renée", Email: /);
    expect((await approveAndApply(plan.id)).operations.map((o) => o.state)).toEqual(['verified']);
    // Refused at the door, each problem at its field; nothing is added.
    const draft = await ok<{ id: string }>(b.invoke('plans:create', { instanceId, title: 'Typos' }));
    const refused = await b.invoke('plans:addOperation', {
      planId: draft.id,
      operations: [
        { kind: 'update_fields', personId: target.id, fields: { sf_Email: 'renee at example', 'sf_Last Name': ' ' } },
      ],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const details = (refused as { error: { details: { path: string[]; message: string }[] } }).error.details;
    expect(details.map((d) => [d.path.join('.'), d.message])).toEqual([
      ['operations.0.fields.sf_Last Name', 'A last name cannot be emptied; write the new one.'],
      ['operations.0.fields.sf_Email', '"renee at example" is not an e-mail address.'],
    ]);
    expect((await ok<PlanDetail>(b.invoke('plans:get', { planId: draft.id }))).totals.operations).toBe(0);
    expect(await person(target.id)).toMatchObject({
      firstName: 'Renée',
      email: fields.sf_Email,
      title: 'Programme Lead',
      department: 'Grants',
    });
  });
});
