/** The intake mappings: one settings row (JSON), validated on the way out. */
import { intakeMappingSchema, type IntakeMapping } from '../../src-preload/contract';
import type { DB } from '../db/open';

const KEY = 'intakeMappings';

export function getMappings(db: DB): IntakeMapping[] {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return [];
  try {
    const parsed = intakeMappingSchema.array().safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function setMappings(db: DB, mappings: IntakeMapping[]): IntakeMapping[] {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(mappings));
  return getMappings(db);
}
