/**
 * The People list's vocabulary: its columns, the server-side sort, and the words for
 * SmartSimple's access codes (the table and the CSV export say the same thing). The channels that
 * use them are in mirror.ts (search, export) and views.ts (saved views, the layout).
 */
import { z } from 'zod';

/** Every column the People list can show; each one sorts. */
export const PEOPLE_COLUMN_IDS = [
  'name',
  'email',
  'organization',
  'department',
  'access',
  'status',
  'kind',
  'lastLogin',
  'title',
  'id',
  'lastUpdated',
] as const;
export type PeopleColumnId = (typeof PEOPLE_COLUMN_IDS)[number];

/** What a new administrator sees before choosing: the first eight. */
export const DEFAULT_PEOPLE_COLUMNS: readonly PeopleColumnId[] = PEOPLE_COLUMN_IDS.slice(0, 8);

export const PEOPLE_COLUMN_LABELS: Record<PeopleColumnId, string> = {
  name: 'Name',
  email: 'Email',
  organization: 'Organization',
  department: 'Department',
  access: 'Access',
  status: 'Status',
  kind: 'Type',
  lastLogin: 'Last login',
  title: 'Title',
  id: 'ID',
  lastUpdated: 'Last updated',
};

export const peopleColumnsSchema = z
  .array(z.enum(PEOPLE_COLUMN_IDS))
  .min(1, 'Show at least one column.')
  .max(PEOPLE_COLUMN_IDS.length)
  .refine((c) => new Set(c).size === c.length, 'A column is listed twice.');

/** A sort of the People list: one column, either way; ties always fall back to the record order. */
export const peopleSortSchema = z.object({ by: z.enum(PEOPLE_COLUMN_IDS), dir: z.enum(['asc', 'desc']) }).strict();
export type PeopleSort = z.infer<typeof peopleSortSchema>;

/** The order the list has without a choice (last name, first name). */
export const DEFAULT_PEOPLE_SORT: PeopleSort = { by: 'name', dir: 'asc' };

/** SmartSimple's access type and user type codes, in words. */
export const ACCESS_TYPE_WORDS: Readonly<Record<string, string>> = { '1': 'User', '5': 'API', '0': 'No access' };
export const USER_TYPE_WORDS: Readonly<Record<string, string>> = {
  '10': 'User',
  '30': 'Local admin',
  '40': 'Global admin',
};
