/**
 * create_organization end to end on the sandbox over HTTP: planned under an existing parent (the
 * side follows the parent's, a name already there is refused), a person planned into it, applied
 * in that order and read back; an organization already on the server is not made twice and its
 * people still go there; the undo deactivates the person and says why the organization stays.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger';
import { createPlan, getPlan, removeOperations } from '../plans';
import { makeClient, testJob } from '../test-support/fixture';
import { useMirroredSandboxes } from '../test-support/mirrored-sandboxes';
import { approveAll, approvedPlan } from '../test-support/scenario';
import { createUndoPlan } from '../undo';
import type { OperationInput } from '../types';
import { applyPlan } from './apply-plan';

const mirrored = useMirroredSandboxes();

async function setup() {
  const m = await mirrored();
  const { client } = makeClient(m.sb);
  const run = (planId: string) =>
    applyPlan({
      db: m.db,
      client,
      instanceId: m.instanceId,
      planId,
      ctx: testJob().ctx,
      approver: 'bo',
      logger: silentLogger,
    });
  const root = m.sb.state.data.companies.find((c) => c.parentId === null)!;
  const external = m.sb.state.data.companies.find((c) => c.isExternal && c.parentId === root.id && !c.deleted)!;
  const internal = m.sb.state.data.companies.find((c) => !c.isExternal && c.parentId === root.id && !c.deleted)!;
  return { ...m, run, root, external, internal };
}

const org = (name: string, parentId: number, external: boolean): OperationInput => ({
  kind: 'create_organization',
  fields: { sf_Name: name, 'sf_Parent Company ID': String(parentId), 'sf_Is External': external ? '1' : '0' },
  source: 'ai',
  aiSuggestionId: 'sugg-org',
});
const person = (email: string, newOrganization: string): OperationInput => ({
  kind: 'create_person',
  fields: { 'sf_First Name': 'Ines', 'sf_Last Name': 'Obradovic', sf_Email: email },
  newOrganization,
  roleIds: [],
  source: 'ai',
  aiSuggestionId: 'sugg-person',
});

describe('create_organization', () => {
  it('creates the organization under its parent, then the person in it, both read back; undo keeps the organization', async () => {
    const m = await setup();
    const plan = approvedPlan(m.db, m.instanceId, [
      person('ines.obradovic@lakeshore-chapter.example', 'Lakeshore Youth Chapter'),
      org('Lakeshore Youth Chapter', m.external.id, true),
    ]);
    const created = plan.operations.find((o) => o.kind === 'create_organization')!;
    expect(created.riskReasons).toContain('new-organization');
    expect(created.summary).toBe(`Create external organization Lakeshore Youth Chapter under ${m.external.name}`);
    expect(plan.operations.find((o) => o.kind === 'create_person')!.summary).toContain('in Lakeshore Youth Chapter');

    const result = await m.run(plan.id);
    expect(result.operations.map((o) => [o.kind, o.state])).toEqual([
      ['create_person', 'verified'],
      ['create_organization', 'verified'],
    ]);
    const company = m.sb.state.data.companies.find((c) => c.name === 'Lakeshore Youth Chapter')!;
    expect(company).toMatchObject({ parentId: m.external.id, isExternal: true, status: 'Active' });
    const ines = m.sb.state.data.people.find((p) => p.email === 'ines.obradovic@lakeshore-chapter.example')!;
    expect(ines.companyId).toBe(company.id);
    expect(ines.isExternal).toBe(true);
    // One note, on the person, signed AI_Service; none on the organization's id.
    const notes = m.sb.state.data.transactions.filter((t) => t.objectId === ines.id || t.objectId === company.id);
    expect(notes.map((t) => [t.objectId, t.source])).toEqual([[ines.id, 'AI_Service']]);
    expect(notes[0]!.description).toContain('in Lakeshore Youth Chapter');

    const { plan: undo, rejected } = createUndoPlan(m.db, { planId: plan.id, actor: 'ana' });
    expect(undo.operations.map((o) => [o.kind, o.personId])).toEqual([['deactivate', ines.id]]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.message).toMatch(/SmartSimple keeps an organization once created/);
  });

  it('refuses a side that differs from the parent, a name already under it, and a person into an organization the plan does not create', async () => {
    const m = await setup();
    const sibling = m.sb.state.data.companies.find((c) => c.parentId === m.root.id && c.isExternal && !c.deleted)!;
    const { plan, rejected } = createPlan(m.db, {
      instanceId: m.instanceId,
      title: 'Bad organizations',
      createdBy: 'ana',
      operations: [
        org('Inner Circle', m.external.id, false),
        org(sibling.name.toUpperCase(), m.root.id, true),
        person('nobody@nowhere.example', 'Never Planned Org'),
        // Directly under the root both sides are allowed.
        org('Harbour Internal Unit', m.root.id, false),
      ],
    });
    expect(rejected.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(rejected[0]!.message).toBe(`${m.external.name} is external: an organization under it is external too.`);
    expect(rejected[1]!.message).toBe(`${m.root.name} already has ${sibling.name.toUpperCase()}.`);
    expect(rejected[2]!.message).toMatch(/does not create the organization Never Planned Org/);
    expect(plan.operations.map((o) => o.kind)).toEqual(['create_organization']);
    // Two creates of one name under one parent in one plan: the second is refused.
    const again = createPlan(m.db, {
      instanceId: m.instanceId,
      title: 'Twice',
      createdBy: 'ana',
      operations: [org('Twin Org', m.internal.id, false), org('twin  org', m.internal.id, false)],
    });
    expect(again.rejected.map((r) => r.index)).toEqual([1]);
  });

  it('does not create an organization that appeared on the server meanwhile: its people go into it', async () => {
    const m = await setup();
    const plan = approvedPlan(m.db, m.instanceId, [
      org('Meanwhile Made Org', m.internal.id, false),
      person('mei.made@meanwhile.example', 'Meanwhile Made Org'),
    ]);
    // Someone creates it by hand after the plan was approved.
    const before = m.sb.state.data.companies.length;
    const { plan: other } = createPlan(m.db, {
      instanceId: m.instanceId,
      title: 'By hand',
      createdBy: 'ana',
      operations: [org('Meanwhile Made Org', m.internal.id, false)],
    });
    approveAll(m.db, other.id);
    await m.run(other.id);
    expect(m.sb.state.data.companies.length).toBe(before + 1);
    const result = await m.run(plan.id);
    expect(result.operations.map((o) => o.state)).toEqual(['skipped_drift', 'verified']);
    expect(result.operations[0]!.message).toMatch(/already exists under its parent/);
    expect(m.sb.state.data.companies.length).toBe(before + 1);
    const made = m.sb.state.data.companies.find((c) => c.name === 'Meanwhile Made Org')!;
    expect(m.sb.state.data.people.find((p) => p.email === 'mei.made@meanwhile.example')!.companyId).toBe(made.id);
  });

  it('a person whose new organization was removed from the plan fails with a plain message, sending nothing', async () => {
    const m = await setup();
    const { plan } = createPlan(m.db, {
      instanceId: m.instanceId,
      title: 'Orphan',
      createdBy: 'ana',
      operations: [
        org('Removed Later Org', m.internal.id, false),
        person('orphan@removed.example', 'Removed Later Org'),
      ],
    });
    const orgOp = plan.operations.find((o) => o.kind === 'create_organization')!;
    removeOperations(m.db, { planId: plan.id, operationIds: [orgOp.id], actor: 'ana' });
    approveAll(m.db, plan.id);
    const result = await m.run(plan.id);
    expect(result.operations.map((o) => [o.state, o.message])).toEqual([
      ['failed', 'Not created: its new organization Removed Later Org was not created.'],
    ]);
    expect(m.sb.state.data.people.some((p) => p.email === 'orphan@removed.example')).toBe(false);
    expect(getPlan(m.db, plan.id).state).toBe('failed');
  });
});
