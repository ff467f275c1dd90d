/** Detector settings and separation-of-duties rules per instance. */
import type { DB } from '../db/open';
import type { DetectorSettings, SodRule } from '../../src-preload/contract';
import { DEFAULT_DETECTOR_SETTINGS, detectorSettingsSchema } from '../../src-preload/contract';

export function getDetectorSettings(db: DB, instanceId: string): DetectorSettings {
  const raw = db.prepare('SELECT settings FROM investigate_settings WHERE instance_id = ?').pluck().get(instanceId) as
    string | undefined;
  if (!raw) return { ...DEFAULT_DETECTOR_SETTINGS };
  // Settings saved by an older version keep their values; keys it did not know take the defaults.
  const parsed = detectorSettingsSchema.partial().safeParse(JSON.parse(raw));
  return { ...DEFAULT_DETECTOR_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

export function saveDetectorSettings(db: DB, instanceId: string, settings: DetectorSettings, at: string): void {
  db.prepare(
    `INSERT INTO investigate_settings (instance_id, settings, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (instance_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
  ).run(instanceId, JSON.stringify(settings), at);
}

interface RuleRow {
  id: number;
  role_a: number;
  role_b: number;
  name_a: string | null;
  name_b: string | null;
  name: string;
  source: SodRule['source'];
  created_by: string;
  created_at: string;
  holders: number;
}

export function listSodRules(db: DB, instanceId: string): SodRule[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.role_a, r.role_b, a.name AS name_a, b.name AS name_b, r.name, r.source, r.created_by, r.created_at,
         (SELECT count(*) FROM mirror_role_holdings x JOIN mirror_role_holdings y
            ON y.instance_id = x.instance_id AND y.person_id = x.person_id AND y.role_id = r.role_b
          JOIN mirror_people p ON p.instance_id = x.instance_id AND p.id = x.person_id AND p.deleted_at IS NULL
          WHERE x.instance_id = r.instance_id AND x.role_id = r.role_a) AS holders
       FROM investigate_sod_rules r
       LEFT JOIN mirror_roles a ON a.instance_id = r.instance_id AND a.id = r.role_a
       LEFT JOIN mirror_roles b ON b.instance_id = r.instance_id AND b.id = r.role_b
       WHERE r.instance_id = ? ORDER BY r.id`,
    )
    .all(instanceId) as RuleRow[];
  return rows.map((r) => ({
    id: r.id,
    roleA: { id: r.role_a, name: r.name_a ?? `Role ${r.role_a}` },
    roleB: { id: r.role_b, name: r.name_b ?? `Role ${r.role_b}` },
    name: r.name,
    source: r.source,
    createdBy: r.created_by,
    createdAt: r.created_at,
    holders: r.holders,
  }));
}

/** Adds a rule (the pair ordered); returns its id, or null when the pair is already a rule. */
export function addSodRule(
  db: DB,
  input: {
    instanceId: string;
    roleA: number;
    roleB: number;
    name: string;
    source: SodRule['source'];
    by: string;
    at: string;
  },
): number | null {
  const [a, b] = input.roleA < input.roleB ? [input.roleA, input.roleB] : [input.roleB, input.roleA];
  const info = db
    .prepare(
      `INSERT OR IGNORE INTO investigate_sod_rules (instance_id, role_a, role_b, name, source, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.instanceId, a, b, input.name, input.source, input.by, input.at);
  return info.changes === 0 ? null : Number(info.lastInsertRowid);
}

export function removeSodRule(db: DB, instanceId: string, ruleId: number): SodRule | undefined {
  const rule = listSodRules(db, instanceId).find((r) => r.id === ruleId);
  if (rule) db.prepare('DELETE FROM investigate_sod_rules WHERE instance_id = ? AND id = ?').run(instanceId, ruleId);
  return rule;
}

/** People holding both roles (for a suggestion's count). */
export function holdersOfBoth(db: DB, instanceId: string, roleA: number, roleB: number): number {
  return db
    .prepare(
      `SELECT count(*) FROM mirror_role_holdings x JOIN mirror_role_holdings y
         ON y.instance_id = x.instance_id AND y.person_id = x.person_id AND y.role_id = ?
       JOIN mirror_people p ON p.instance_id = x.instance_id AND p.id = x.person_id AND p.deleted_at IS NULL
       WHERE x.instance_id = ? AND x.role_id = ?`,
    )
    .pluck()
    .get(roleB, instanceId, roleA) as number;
}
