/**
 * Questions in plain language on the wire: the typed query object a question is read into (the
 * grammar and the LLM both produce it, main compiles it to SQL), the answer, the saved questions
 * and the exports. The query object is the one thing that crosses from words to SQL.
 */
import { z } from 'zod';
import { channel } from './wire';
import { planInstanceIdSchema } from './plans-inputs';

const text = (max: number) => z.string().min(1).max(max);
/** `YYYY-MM-DD HH:MM:SS` (UTC), as the mirror keeps dates. */
const stamp = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

/** A time window: from inclusive, to exclusive; either end open. */
export const askWindowSchema = z.object({ from: stamp.nullable(), to: stamp.nullable() }).strict();
export type AskWindow = z.infer<typeof askWindowSchema>;

export const askCompareSchema = z.enum(['>', '>=', '<', '<=', '=']);
export type AskCompare = z.infer<typeof askCompareSchema>;

export const ACCESS_TYPE_NAMES = ['none', 'user', 'api'] as const;
export const USER_TYPE_NAMES = ['user', 'localAdmin', 'globalAdmin'] as const;
export const ASK_GROUPS = [
  'department',
  'organization',
  'role',
  'title',
  'status',
  'accessType',
  'userType',
  'external',
  'program',
  'hour',
  'weekday',
  'day',
  'month',
  'action',
] as const;
export type AskGroup = (typeof ASK_GROUPS)[number];

/** One condition on a person. Names are the mirror's own (roles, departments, ...). */
export const askPersonFilterSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('role'), roles: z.array(text(200)).min(1).max(10), mode: z.enum(['any', 'all', 'none']) }),
  z.object({ kind: z.literal('roleCount'), op: askCompareSchema, n: z.number().int().min(0).max(1000) }),
  z.object({ kind: z.literal('privileged'), value: z.boolean() }),
  z.object({ kind: z.literal('department'), values: z.array(text(200)).min(1).max(20), negate: z.boolean() }),
  z.object({ kind: z.literal('organization'), values: z.array(text(200)).min(1).max(20), negate: z.boolean() }),
  z.object({ kind: z.literal('title'), values: z.array(text(200)).min(1).max(20), negate: z.boolean() }),
  z.object({
    kind: z.literal('program'),
    program: text(200).nullable(),
    role: text(200).nullable(),
    negate: z.boolean(),
  }),
  z.object({ kind: z.literal('external'), value: z.boolean() }),
  z.object({ kind: z.literal('status'), values: z.array(text(40)).min(1).max(5), negate: z.boolean() }),
  z.object({ kind: z.literal('accessType'), values: z.array(z.enum(ACCESS_TYPE_NAMES)).min(1).max(3) }),
  z.object({ kind: z.literal('userType'), values: z.array(z.enum(USER_TYPE_NAMES)).min(1).max(3) }),
  z.object({
    kind: z.literal('expiry'),
    state: z.enum(['expired', 'notExpired', 'none', 'set', 'window']),
    window: askWindowSchema.nullable(),
  }),
  z.object({
    kind: z.literal('lastLogin'),
    state: z.enum(['never', 'window', 'notWindow']),
    window: askWindowSchema.nullable(),
  }),
  z.object({ kind: z.literal('created'), window: askWindowSchema }),
  z.object({ kind: z.literal('name'), text: text(200) }),
]);
export type AskPersonFilter = z.infer<typeof askPersonFilterSchema>;

/**
 * Activity a person must have (or, negated, must not have): login sessions, or access changes
 * made to them ('changes') or by them ('changesMade'), in a window, at hours, on weekdays,
 * counted, or counted distinct (addresses, user agents, days).
 */
export const askActivitySchema = z
  .object({
    source: z.enum(['sessions', 'changes', 'changesMade']),
    window: askWindowSchema.nullable(),
    /** UTC hours [from, to); from > to wraps midnight. */
    hours: z.object({ from: z.number().int().min(0).max(23), to: z.number().int().min(0).max(24) }).nullable(),
    /** 0 = Sunday .. 6 = Saturday. */
    weekdays: z.array(z.number().int().min(0).max(6)).max(7).nullable(),
    actions: z.array(z.enum(['activated', 'deactivated', 'role_added', 'role_removed', 'password_reset'])).nullable(),
    /** A role named in the change's detail (role_added "Payment Approver"). */
    role: text(200).nullable(),
    ip: text(64).nullable(),
    /**
     * The other person in a change, by name: who made it (for changes to them) or whom it was
     * made to (for changes made by them). Null for sessions.
     */
    person: text(200).nullable(),
    measure: z.enum(['count', 'distinctIp', 'distinctAgent', 'distinctDays']),
    op: askCompareSchema,
    n: z.number().int().min(0).max(1_000_000),
    negate: z.boolean(),
  })
  .strict();
export type AskActivity = z.infer<typeof askActivitySchema>;

export const askOutputSchema = z.discriminatedUnion('kind', [
  /** The people who match (id, name, e-mail, organization). */
  z.object({ kind: z.literal('list') }),
  /** How many people match. */
  z.object({ kind: z.literal('count') }),
  /** How many login sessions or access changes of the people who match (in the activity's window, hours, ...). */
  z.object({ kind: z.literal('eventCount'), of: z.enum(['sessions', 'changes']) }),
  /**
   * Counts per group: people, or their sessions / changes; `limit` keeps the first groups by
   * `order` (the most, or the fewest).
   */
  z.object({
    kind: z.literal('group'),
    by: z.enum(ASK_GROUPS),
    limit: z.number().int().min(1).max(1000).nullable(),
    order: z.enum(['most', 'fewest']),
    measure: z.enum(['people', 'sessions', 'changes']),
  }),
  /** The N people with the most activity (sessions, changes made to them or by them, roles). */
  z.object({
    kind: z.literal('top'),
    n: z.number().int().min(1).max(1000),
    measure: z.enum(['sessions', 'changes', 'changesMade', 'roles', 'distinctIp']),
  }),
  /** The access changes themselves as a table (who changed what). */
  z.object({ kind: z.literal('changes') }),
  /** The login sessions themselves as a table (when, who, from where). */
  z.object({ kind: z.literal('sessions') }),
]);
export type AskOutput = z.infer<typeof askOutputSchema>;

export const askQuerySchema = z
  .object({
    people: z.array(askPersonFilterSchema).max(20),
    activity: askActivitySchema.nullable(),
    /** For changes: conditions on the person who made them (the actor). */
    actor: z.array(askPersonFilterSchema).max(10),
    output: askOutputSchema,
  })
  .strict();
export type AskQuery = z.infer<typeof askQuerySchema>;

/** What a question was read as: the query, in words, and its SQL; or why not, with suggestions. */
export type AskInterpretation =
  | {
      ok: true;
      question: string;
      query: AskQuery;
      interpretation: string;
      /** Each condition in words, keyed by where it sits in the query (`people.0`, `activity`, `actor.0`). */
      parts: { key: string; text: string }[];
      sql: string;
      engine: 'grammar' | 'llm';
    }
  | { ok: false; question: string; message: string; suggestions: string[] };

export interface AskAnswer {
  question: string;
  interpretation: string;
  query: AskQuery | null;
  sql: string;
  kind: 'people' | 'table';
  people: { id: number; name: string }[];
  table: { columns: string[]; rows: (string | number | null)[][] };
  /** Rows were cut at the forced limit. */
  truncated: boolean;
  /** A chart fits (counts per group): label column 0, value column 1. */
  chart: boolean;
  ms: number;
}

export interface SavedQuestion {
  id: number;
  instanceId: string;
  question: string;
  sql: string | null;
  createdAt: string;
}

const question = z.string().min(1).max(2000);
const sqlText = z.string().min(1).max(20_000);
/** The moment relative words ("last 30 days", "expired") count from; default now (scripts fix it). */
const asOf = z.iso.datetime().optional();
const runInput = z.union([
  z.object({ instanceId: planInstanceIdSchema, question, query: askQuerySchema, now: asOf }).strict(),
  z.object({ instanceId: planInstanceIdSchema, question, sql: sqlText, now: asOf }).strict(),
]);

export const askChannels = {
  /** Reads a question into a query (grammar, or the LLM when on and the grammar cannot). */
  'ask:interpret': channel<AskInterpretation>()({
    input: z.object({ instanceId: planInstanceIdSchema, question, now: asOf }).strict(),
    reads: ['mirror'],
  }),
  /** Compiles a (possibly edited) query object to SQL and says it in words. */
  'ask:compile': channel<AskInterpretation>()({
    input: z.object({ instanceId: planInstanceIdSchema, question, query: askQuerySchema }).strict(),
    reads: ['mirror'],
  }),
  /** Runs a query object, or edited SQL after the safety checks, read-only, off the main thread. */
  'ask:run': channel<AskAnswer>()({ input: runInput, reads: ['mirror'] }),
  /** Questions this instance's mirror can answer, to start from. */
  'ask:suggestions': channel<string[]>()({
    input: z.object({ instanceId: planInstanceIdSchema }).strict(),
    reads: ['mirror'],
  }),
  'ask:saved': channel<SavedQuestion[]>()({
    input: z.object({ instanceId: planInstanceIdSchema }).strict(),
    reads: ['ask'],
  }),
  'ask:save': channel<SavedQuestion>()({
    input: z.object({ instanceId: planInstanceIdSchema, question, sql: sqlText.nullable() }).strict(),
    writes: ['ask'],
  }),
  'ask:deleteSaved': channel<{ deleted: boolean }>()({
    input: z.object({ id: z.number().int().min(1) }).strict(),
    writes: ['ask'],
  }),
} as const;
