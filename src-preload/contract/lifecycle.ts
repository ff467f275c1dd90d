/**
 * Bulk change planning on the wire: a sentence ("give everyone in Finance the Report Viewer role")
 * read into a typed change (an action and the same selection query Ask uses), what it would do,
 * the draft plan it becomes, and the consequences of any plan before it is approved.
 */
import { z } from 'zod';
import { channel } from './wire';
import { askQuerySchema, type AskQuery } from './ask';
import { planIdSchema, planInstanceIdSchema } from './plans-inputs';
import type { BuildResult } from './plans-types';

const name = z.string().min(1).max(200);
const day = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'a day written YYYY-MM-DD (empty clears it)');

/** What the change does to every selected person. Names are the mirror's own. */
export const lifecycleActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add_role'), role: name }).strict(),
  z.object({ kind: z.literal('remove_role'), role: name }).strict(),
  /** A program assignment (UTA role on a program). */
  z.object({ kind: z.literal('add_assignment'), program: name, role: name }).strict(),
  /** Program null: every program; role null: every assignment role on the program. */
  z.object({ kind: z.literal('remove_assignment'), program: name.nullable(), role: name.nullable() }).strict(),
  z.object({ kind: z.literal('deactivate') }).strict(),
  z.object({ kind: z.literal('reactivate') }).strict(),
  z.object({ kind: z.literal('set_expiry'), date: day }).strict(),
  z.object({ kind: z.literal('set_department'), department: name }).strict(),
  z.object({ kind: z.literal('set_title'), title: name }).strict(),
]);
export type LifecycleAction = z.infer<typeof lifecycleActionSchema>;
export const LIFECYCLE_ACTION_KINDS = lifecycleActionSchema.options.map((o) => o.shape.kind.value);

/** A sentence read: the action and who it applies to. The grammar and the LLM both produce it. */
export const describedChangeSchema = z.object({ action: lifecycleActionSchema, query: askQuerySchema }).strict();
export type DescribedChange = z.infer<typeof describedChangeSchema>;

/** One operation the change would add, by name. */
export interface DescribedOperation {
  kind: string;
  personId: number;
  personName: string;
  summary: string;
  /** Why it is there: the sentence it was read from. */
  why: string;
  roleId?: number;
  programId?: number;
}

export type ChangeReading =
  | {
      ok: true;
      sentence: string;
      action: LifecycleAction;
      query: AskQuery;
      /** The whole reading in words: the action, then who. */
      interpretation: string;
      actionText: string;
      selectionText: string;
      /** The selection as SQL over the Ask views (editable; checked by Ask's guard). */
      sql: string;
      engine: 'grammar' | 'llm';
      /** The people the selection names (SmartSimple ids). */
      people: { id: number; name: string }[];
      /** The operations a plan would hold (people it would not change are left out). */
      operations: DescribedOperation[];
      /** People selected whom the action would not change, with why (already hold it, ...). */
      unchanged: { personId: number; name: string; reason: string }[];
    }
  | { ok: false; sentence: string; message: string; suggestions: string[] };

export const CONSEQUENCE_KINDS = [
  'losesAccess',
  'roleWithoutHolder',
  'programWithoutManager',
  'fewerReviewers',
  'privilegedGranted',
  'externalGetsInternalRole',
] as const;
export type ConsequenceKind = (typeof CONSEQUENCE_KINDS)[number];

/** One consequence of a plan, counted, with the operations behind it. */
export interface Consequence {
  kind: ConsequenceKind;
  /** How many people, roles or programs it concerns. */
  count: number;
  /** In plain words, with the count ("3 people lose all access"). */
  message: string;
  /** The names concerned (the first 20). */
  names: string[];
  operationIds: number[];
}

const sentence = z.string().trim().min(1).max(2000);
const asOf = z.iso.datetime().optional();

/** A change as edited: the action, and who as the query object or as SQL (checked by Ask's guard). */
const changeInput = z.object({
  instanceId: planInstanceIdSchema,
  sentence,
  action: lifecycleActionSchema,
  query: askQuerySchema.optional(),
  sql: z.string().min(1).max(20_000).optional(),
  now: asOf,
});

export const lifecycleChannels = {
  /** Reads a sentence into a change and says what it would do; nothing is written. */
  'lifecycle:describe': channel<ChangeReading>()({
    input: z.object({ instanceId: planInstanceIdSchema, sentence, now: asOf }).strict(),
    reads: ['mirror', 'plans'],
  }),
  /** The same for an edited change (the action, and the query object or edited SQL). */
  'lifecycle:preview': channel<ChangeReading>()({
    input: changeInput.strict(),
    reads: ['mirror', 'plans'],
  }),
  /** The confirmed change as a new draft plan (each operation says why; the suggestion is recorded). */
  'lifecycle:createPlan': channel<BuildResult & { suggestionId: string }>()({
    input: changeInput.extend({ engine: z.enum(['grammar', 'llm']).optional() }).strict(),
    writes: ['plans', 'audit', 'ai'],
  }),
  /** What a plan would do beyond its operations: lost access, orphaned roles and programs, privilege. */
  'lifecycle:consequences': channel<Consequence[]>()({
    input: z.object({ planId: planIdSchema }).strict(),
    reads: ['plans', 'mirror'],
  }),
} as const;
