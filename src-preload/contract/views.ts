/**
 * Saved views of the People list (a name for a search, its filters, sort and columns), kept per
 * instance, and the list's layout (the columns shown and the sort) that the app remembers between
 * visits.
 */
import { z } from 'zod';
import { channel, idSchema } from './wire';
import { peopleColumnsSchema, peopleSortSchema, type PeopleColumnId, type PeopleSort } from './people-list';

const mirrorId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * The People filters as the screen's form holds them. A view keeps the form, not the search it
 * makes, so "not logged in for 90 days" stays 90 days back from the day it is opened.
 */
export const peopleViewFiltersSchema = z
  .object({
    roleId: mirrorId.nullable(),
    organizationId: mirrorId.nullable(),
    includeSubOrganizations: z.boolean(),
    accessType: z.string().max(20).nullable(),
    status: z.string().max(60).nullable(),
    kind: z.enum(['all', 'internal', 'external']),
    lastLogin: z.enum(['any', 'never', 'within', 'notWithin', 'before']),
    lastLoginDays: z.number().int().min(0).max(36_500),
    lastLoginBefore: z.string().max(10),
    department: z.string().max(200),
  })
  .strict();
export type PeopleViewFilters = z.infer<typeof peopleViewFiltersSchema>;

export const viewNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the view a name.')
  .max(80, 'A view name is limited to 80 characters.');

/** What a view holds, as the screen sends it. */
export const peopleViewInputSchema = z
  .object({
    name: viewNameSchema,
    query: z.string().max(200),
    filters: peopleViewFiltersSchema,
    sort: peopleSortSchema,
    columns: peopleColumnsSchema,
  })
  .strict();
export type PeopleViewInput = z.input<typeof peopleViewInputSchema>;

/** A saved view. */
export interface PeopleView {
  id: string;
  name: string;
  query: string;
  filters: PeopleViewFilters;
  sort: PeopleSort;
  columns: PeopleColumnId[];
  createdAt: string;
  updatedAt: string;
}

/** The People list's layout: the columns shown, in order, and the sort. */
export interface PeopleLayout {
  columns: PeopleColumnId[];
  sort: PeopleSort;
}
export const peopleLayoutSchema = z.object({ columns: peopleColumnsSchema, sort: peopleSortSchema }).strict();

const viewId = z.string().min(1).max(64);

export const viewsChannels = {
  /** The instance's saved views of the People list, by name. */
  'views:list': channel<PeopleView[]>()({ input: z.object({ instanceId: idSchema }).strict(), reads: ['views'] }),
  /** Saves a new view; a name already used on the instance is CONFLICT. */
  'views:create': channel<PeopleView>()({
    input: z.object({ instanceId: idSchema, view: peopleViewInputSchema }).strict(),
    writes: ['views'],
  }),
  /** Changes a view: its name (rename), or what it shows (save the current search over it). */
  'views:update': channel<PeopleView>()({
    input: z.object({ instanceId: idSchema, id: viewId, view: peopleViewInputSchema.partial().strict() }).strict(),
    writes: ['views'],
  }),
  'views:delete': channel<{ deleted: true }>()({
    input: z.object({ instanceId: idSchema, id: viewId }).strict(),
    writes: ['views'],
  }),
  /** The People list's layout as last left (the default before any choice). */
  'views:layout': channel<PeopleLayout>()({ input: z.object({}).strict().optional(), reads: ['views'] }),
  'views:setLayout': channel<PeopleLayout>()({ input: peopleLayoutSchema, writes: ['views'] }),
} as const;
