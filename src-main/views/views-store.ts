/**
 * Saved views and the People layout, kept as JSON rows of the settings table under keys of their
 * own (`peopleViews:<instance id>`, `peopleLayout`), which the app's settings never read. A view is
 * a few hundred bytes and an instance has a handful: one row per instance is enough, and it needs
 * no schema change. Values are validated on the way out; a damaged row reads as nothing saved.
 */
import { z } from 'zod';
import type { DB } from '../db/open';
import {
  peopleLayoutSchema,
  peopleViewInputSchema,
  type PeopleLayout,
  type PeopleView,
} from '../../src-preload/contract';

const storedViewSchema = peopleViewInputSchema.extend({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const viewsKey = (instanceId: string) => `peopleViews:${instanceId}`;
const LAYOUT_KEY = 'peopleLayout';

function readRow(db: DB, key: string): unknown {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function writeRow(db: DB, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

/** The instance's views (those that read back valid), in the order saved. */
export function readViews(db: DB, instanceId: string): PeopleView[] {
  const parsed = z.array(z.unknown()).safeParse(readRow(db, viewsKey(instanceId)));
  if (!parsed.success) return [];
  return parsed.data.flatMap((v) => {
    const one = storedViewSchema.safeParse(v);
    return one.success ? [one.data as PeopleView] : [];
  });
}

export function writeViews(db: DB, instanceId: string, views: readonly PeopleView[]): void {
  writeRow(db, viewsKey(instanceId), views);
}

export function readLayout(db: DB): PeopleLayout | null {
  const parsed = peopleLayoutSchema.safeParse(readRow(db, LAYOUT_KEY));
  return parsed.success ? (parsed.data as PeopleLayout) : null;
}

export function writeLayout(db: DB, layout: PeopleLayout): void {
  writeRow(db, LAYOUT_KEY, layout);
}
