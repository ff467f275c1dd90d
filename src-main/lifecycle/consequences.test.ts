/**
 * A described change confirmed into a draft plan (the AI's operations, linked to the recorded
 * suggestion whose explanation is the sentence), and the consequences of a plan checked count by
 * count against independent SQL over the mirror tables and the plan's stored operations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AiService } from '../ai/ai-service';
import type { AskService } from '../ask/ask-service';
import { ASK_TEST_NOW } from '../ask/test-support/ask-mirror';
import type { DB } from '../db/open';
import { getPlan } from '../plans';
import { buildChange } from './change-build';
import type { LifecycleService } from './lifecycle-service';
import { TEST_ADMINISTRATOR, lifecycleOverMirror } from './test-support/lifecycle-mirror';

let dir: string;
let db: DB;
let instanceId: string;
let ask: AskService;
let ai: AiService;
let lifecycle: LifecycleService;
const NOW = new Date(ASK_TEST_NOW).toISOString();
const ADMIN = TEST_ADMINISTRATOR;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-consequences-'));
  ({ db, instanceId, ask, ai, lifecycle } = await lifecycleOverMirror(dir));
}, 120_000);
afterAll(() => {
  ask?.close();
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string, planId: string) => db.prepare(sql).pluck().get({ i: instanceId, plan: planId }) as number;

async function confirm(sentence: string) {
  const r = await lifecycle.describe(instanceId, sentence, NOW);
  if (!r.ok) throw new Error(r.message);
  return {
    reading: r,
    made: await lifecycle.createPlan({ instanceId, sentence, action: r.action, query: r.query, now: NOW }),
  };
}

describe('a described change as a draft plan', () => {
  it("is the AI's: every operation linked to the suggestion that says the sentence, accepted as read", async () => {
    const sentence = 'deactivate the contacts of Aurora Health Coalition';
    const { reading, made } = await confirm(sentence);
    const plan = getPlan(db, made.plan.id);
    expect(plan.state).toBe('draft');
    expect(plan.origin).toBe('ai');
    expect(plan.description).toContain(sentence);
    expect(plan.operations.length).toBe(reading.operations.length);
    expect(plan.operations.every((o) => o.source === 'ai' && o.aiSuggestionId === made.suggestionId)).toBe(true);
    const suggestion = ai.get(made.suggestionId);
    expect(suggestion).toMatchObject({ kind: 'describe_change', decision: 'accepted', decidedBy: ADMIN });
    expect(suggestion.explanation).toContain(sentence);
  });

  it('records an edited reading as edited, and refuses a change that changes no one (no plan left)', async () => {
    const sentence = 'give everyone in the Finance department the Report Viewer role';
    const r = await lifecycle.describe(instanceId, sentence, NOW);
    if (!r.ok) throw new Error(r.message);
    const query = { ...r.query, people: [...r.query.people, { kind: 'external' as const, value: false }] };
    const made = await lifecycle.createPlan({ instanceId, sentence, action: r.action, query, now: NOW });
    expect(ai.get(made.suggestionId).decision).toBe('edited');
    const plans = count('SELECT count(*) FROM plans WHERE instance_id = @i AND @plan = @plan', '');
    await expect(
      lifecycle.createPlan({
        instanceId,
        sentence: 'x',
        action: { kind: 'deactivate' },
        sql: 'SELECT id, name FROM people WHERE 0',
        now: NOW,
      }),
    ).rejects.toThrow(/Nothing to change/);
    expect(count('SELECT count(*) FROM plans WHERE instance_id = @i AND @plan = @plan', '')).toBe(plans);
  });
});

// Independent SQL: the plan's stored operations and the mirror.
const OPS = (kind: string) => `SELECT person_id FROM plan_operations WHERE plan_id = @plan AND kind = '${kind}'`;
const ACTIVE = "p.deleted_at IS NULL AND p.status = 'Active'";
const DEACTIVATED = `p.id IN (${OPS('deactivate')})`;
const ASSIGNMENTS = (like: string) => `SELECT a.program_id, a.person_id FROM mirror_program_assignments a
  JOIN mirror_people p ON p.instance_id = a.instance_id AND p.id = a.person_id
  LEFT JOIN mirror_roles r ON r.instance_id = a.instance_id AND r.id = a.role_id
  WHERE a.instance_id = @i AND a.deleted_at IS NULL AND ${ACTIVE} AND coalesce(a.role_name, r.name) LIKE '${like}'`;
const ADDED = `SELECT o.person_id, json_extract(o.params, '$.roleId') AS role_id FROM plan_operations o WHERE o.plan_id = @plan AND o.kind = 'add_role'`;
const ROLE_STATS = `SELECT h.role_id, sum(p.is_external = 0) AS internal, count(*) AS total FROM mirror_role_holdings h
  JOIN mirror_people p ON p.instance_id = h.instance_id AND p.id = h.person_id WHERE h.instance_id = @i AND p.deleted_at IS NULL GROUP BY h.role_id`;

const EXPECTED: Record<string, string> = {
  losesAccess: `SELECT count(*) FROM mirror_people p WHERE p.instance_id = @i AND ${ACTIVE} AND coalesce(p.access_type, '') <> '0' AND ${DEACTIVATED}`,
  roleWithoutHolder: `SELECT count(*) FROM mirror_roles r WHERE r.instance_id = @i AND
    EXISTS (SELECT 1 FROM mirror_role_holdings h JOIN mirror_people p ON p.instance_id = h.instance_id AND p.id = h.person_id WHERE h.instance_id = @i AND h.role_id = r.id AND ${ACTIVE})
    AND NOT EXISTS (SELECT 1 FROM mirror_role_holdings h JOIN mirror_people p ON p.instance_id = h.instance_id AND p.id = h.person_id WHERE h.instance_id = @i AND h.role_id = r.id AND ${ACTIVE} AND NOT ${DEACTIVATED})
    AND NOT EXISTS (SELECT 1 FROM (${ADDED}) x JOIN mirror_people p ON p.instance_id = @i AND p.id = x.person_id WHERE x.role_id = r.id AND ${ACTIVE} AND NOT ${DEACTIVATED})`,
  programWithoutManager: `SELECT count(DISTINCT m.program_id) FROM (${ASSIGNMENTS('%manag%')}) m
    WHERE NOT EXISTS (SELECT 1 FROM (${ASSIGNMENTS('%manag%')}) k WHERE k.program_id = m.program_id AND k.person_id NOT IN (${OPS('deactivate')}))`,
  fewerReviewers: `SELECT count(DISTINCT m.program_id) FROM (${ASSIGNMENTS('%review%')}) m WHERE m.person_id IN (${OPS('deactivate')})`,
  privilegedGranted: `SELECT count(DISTINCT x.person_id) FROM (${ADDED}) x JOIN mirror_roles r ON r.instance_id = @i AND r.id = x.role_id WHERE r.privileged = 1`,
  externalGetsInternalRole: `SELECT count(DISTINCT x.person_id) FROM (${ADDED}) x
    JOIN mirror_people p ON p.instance_id = @i AND p.id = x.person_id
    JOIN mirror_roles r ON r.instance_id = @i AND r.id = x.role_id
    LEFT JOIN (${ROLE_STATS}) s ON s.role_id = x.role_id
    WHERE p.is_external = 1 AND (r.privileged = 1 OR (s.total >= 5 AND s.internal >= 0.95 * s.total))`,
};

describe('consequences before approval', () => {
  it('counts each consequence as independent SQL does, and points at operations of the plan', async () => {
    db.prepare("UPDATE mirror_roles SET privileged = 1 WHERE instance_id = ? AND name = 'System Administrator'").run(
      instanceId,
    );
    const { made } = await confirm('deactivate everyone in the Grants Management department');
    const planId = made.plan.id;
    const people = (where: string) =>
      db
        .prepare(`SELECT id FROM mirror_people p WHERE instance_id = ? AND ${where} ORDER BY id LIMIT 3`)
        .pluck()
        .all(instanceId) as number[];
    for (const [name, who] of [
      ['Internal Staff', people("is_external = 1 AND status = 'Active'")],
      [
        'System Administrator',
        people("is_external = 0 AND status = 'Active' AND coalesce(department, '') <> 'Grants Management'"),
      ],
    ] as const)
      buildChange(db, {
        planId,
        actor: ADMIN,
        instanceId,
        personIds: [...who],
        action: { kind: 'add_role', role: name },
        source: 'admin',
      });
    const plan = getPlan(db, planId);
    const ids = new Set(plan.operations.map((o) => o.id));
    const found = lifecycle.consequences(planId);
    const seen: string[] = [];
    for (const [kind, sql] of Object.entries(EXPECTED)) {
      const want = count(sql, planId);
      const c = found.find((x) => x.kind === kind);
      expect(c?.count ?? 0, kind).toBe(want);
      if (!c) continue;
      seen.push(`${kind}=${c.count}`);
      expect(c.message).toContain(String(c.count));
      expect(c.operationIds.length, kind).toBeGreaterThan(0);
      expect(
        c.operationIds.every((id) => ids.has(id)),
        kind,
      ).toBe(true);
    }
    console.log(`consequences: ${seen.join(', ')}`);
    // The plan exercises most of them (the figures would otherwise check nothing).
    expect(seen.length, seen.join(', ')).toBeGreaterThanOrEqual(5);
  });

  it('finds nothing to warn about in a plan that only gives an ordinary role to internal people', async () => {
    const { made } = await confirm('give everyone in the Finance department the Document Manager role');
    const kinds = lifecycle.consequences(made.plan.id).map((c) => c.kind);
    expect(kinds).not.toContain('losesAccess');
    expect(kinds).not.toContain('roleWithoutHolder');
  });
});
