/** Settings: one row per key, values as JSON, validated on the way out. */
import { settingsSchema, type Settings } from '../../src-preload/contract';
import type { DB } from '../db/open';
import { DEFAULT_LLM_SETTINGS } from '../../src-preload/contract';
import { DEFAULT_PAGE_SIZE } from '../smartsimple/protocol';

export const DEFAULT_SETTINGS: Settings = {
  theme: 'auto',
  activeInstanceId: null,
  syncPageSize: DEFAULT_PAGE_SIZE,
  llm: DEFAULT_LLM_SETTINGS,
  fourEyes: true,
  administratorName: null,
  autoSync: { enabled: false, everyMinutes: 60 },
};

export function getSettings(db: DB): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      stored[row.key] = JSON.parse(row.value);
    } catch {
      // A damaged value falls back to its default rather than breaking the app.
    }
  }
  const merged = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const candidate = { ...merged, [key]: stored[key] ?? DEFAULT_SETTINGS[key] };
    if (settingsSchema.safeParse(candidate).success) Object.assign(merged, { [key]: candidate[key] });
  }
  return merged;
}

export function updateSettings(db: DB, patch: Partial<Settings>): Settings {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value));
    }
  })();
  return getSettings(db);
}
