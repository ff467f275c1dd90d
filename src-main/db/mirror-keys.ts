/**
 * People keys: instance ordinal * 2^40 + person id. One instance's people are one key range, so
 * the search index (whose rowid is the key) is scoped to an instance by a rowid range, and a
 * person is found by key in one b-tree step. SmartSimple ids are far below 2^40.
 */
import type { DB } from './open';

export const PERSON_KEY_SPAN = 2 ** 40;

export interface PersonKeyRange {
  ordinal: number;
  /** Key of person id 0. */
  base: number;
  /** Last key of the range. */
  last: number;
}

const rangeOf = (ordinal: number): PersonKeyRange => ({
  ordinal,
  base: ordinal * PERSON_KEY_SPAN,
  last: (ordinal + 1) * PERSON_KEY_SPAN - 1,
});

/** The instance's key range, or null when nothing was ever mirrored for it. */
export function personKeyRange(db: DB, instanceId: string): PersonKeyRange | null {
  const ordinal = db.prepare('SELECT ordinal FROM mirror_instances WHERE instance_id = ?').pluck().get(instanceId) as
    number | undefined;
  return ordinal === undefined ? null : rangeOf(ordinal);
}

/** The instance's key range, giving it the next free ordinal on first use. */
export function ensurePersonKeyRange(db: DB, instanceId: string): PersonKeyRange {
  const existing = personKeyRange(db, instanceId);
  if (existing) return existing;
  // The lowest free ordinal, so a deleted instance's number is reused before the 8191 run out.
  const free = db
    .prepare(
      `SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM mirror_instances WHERE ordinal = 1) THEN 1
         ELSE (SELECT min(m.ordinal + 1) FROM mirror_instances m WHERE NOT EXISTS (SELECT 1 FROM mirror_instances n WHERE n.ordinal = m.ordinal + 1)) END`,
    )
    .pluck()
    .get() as number;
  db.prepare('INSERT INTO mirror_instances (instance_id, ordinal) VALUES (?, ?)').run(instanceId, free);
  return rangeOf(free);
}
