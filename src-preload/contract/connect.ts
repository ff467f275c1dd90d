/**
 * Instances and their connections: instance settings, the function registry, which secrets are
 * set (never the secrets), the connection test, the hourly call budget, the built-in sandbox.
 */
import { z } from 'zod';
import { channel, idSchema as id, nameSchema as name, noInput } from './wire';
import { FUNCTION_NAME_PATTERN, FUNCTION_NAME_RULE, MAX_FUNCTION_NAME_LENGTH } from './smartconnect';

export const hostSchema = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'must be a URL such as https://acme.smartsimple.com');

export const instanceInputSchema = z
  .object({
    name,
    host: hostSchema,
    alias: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, dash or underscore'),
    rootCompanyId: z
      .string()
      .trim()
      .regex(/^\d{1,12}$/, 'digits only'),
    apiVersion: z.union([z.literal(1), z.literal(2)]),
  })
  .strict();
export type InstanceInput = z.infer<typeof instanceInputSchema>;

export interface Instance extends InstanceInput {
  id: string;
  /** True for the built-in sandbox instance. */
  isSandbox: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One SmartConnect function as the Connect screen sends it; the token only when it changes. */
export const functionInputSchema = z
  .object({
    name: z.string().trim().min(1).max(MAX_FUNCTION_NAME_LENGTH).regex(FUNCTION_NAME_PATTERN, FUNCTION_NAME_RULE),
    type: z.string().trim().min(1).max(40),
    action: z.string().trim().min(1).max(40),
    /** Omitted: keep the stored token. */
    token: z.string().trim().min(8, 'at least 8 characters').max(200).optional(),
    fields: z.array(z.string().trim().min(1).max(300)).max(200).default([]),
    reportid: z.string().trim().max(40).optional(),
  })
  .strict();
export type FunctionInput = z.input<typeof functionInputSchema>;

export const connectionInputSchema = z
  .object({
    /** Omitted: a new instance. */
    instanceId: id.optional(),
    instance: instanceInputSchema,
    /** The login of a SmartSimple user whose access type is API Access. */
    username: z.string().trim().min(1).max(200),
    /** Omitted: keep the stored password. */
    password: z.string().min(1).max(500).optional(),
    /** The complete function registry: functions not listed are removed. */
    functions: z.array(functionInputSchema).max(100),
  })
  .strict();
export type ConnectionInput = z.input<typeof connectionInputSchema>;

export interface FunctionSummary {
  name: string;
  type: string;
  action: string;
  fields: string[];
  reportid: string | null;
  /** The renderer learns only whether a token is stored, never the token. */
  tokenSet: boolean;
}

export interface FunctionTestResult {
  name: string;
  action: string;
  /** ok: the function answered; accepted: token and login accepted (a write function, not run); failed; missing-token. */
  status: 'ok' | 'accepted' | 'failed' | 'missing-token';
  /** What we did and what came back, for the administrator. */
  message: string;
  /** The server's own text when it refused. */
  serverMessage: string | null;
  ms: number;
}

export interface ConnectionTest {
  testedAt: string;
  ok: boolean;
  /** API calls the test used. */
  calls: number;
  results: FunctionTestResult[];
  /**
   * Set when the server could not be reached at all (refused, unknown host, no answer): the test
   * stopped at the first such failure, and this says what happened in plain words.
   */
  unreachable?: string | null;
}

export interface CallBudgetInfo {
  limit: number;
  used: number;
  remaining: number;
  /** When the next call is allowed (ISO), null when one is allowed now. */
  nextSlotAt: string | null;
}

export interface ConnectionDetails {
  instance: Instance;
  username: string;
  passwordSet: boolean;
  functions: FunctionSummary[];
  lastTest: ConnectionTest | null;
  budget: CallBudgetInfo;
}

export interface VaultStatus {
  available: boolean;
  reason: string | null;
}

export const connectChannels = {
  /** The SmartSimple instances, sandbox first, then by name. */
  'instances:list': channel<Instance[]>()({ input: noInput, reads: ['instances'] }),
  'instances:create': channel<Instance>()({ input: instanceInputSchema, writes: ['instances', 'settings'] }),
  'instances:rename': channel<Instance>()({
    input: z.object({ id, name }).strict(),
    writes: ['instances'],
  }),
  'instances:remove': channel<{ removed: true }>()({
    input: z.object({ id }).strict(),
    writes: ['instances', 'connections', 'settings', 'mirror', 'sync'],
  }),

  /** Is the OS keychain there? Without it no secret can be stored. */
  'vault:status': channel<VaultStatus>()({ input: noInput }),
  /** An instance's connection: API user, function registry, which secrets are set, last test. */
  'connections:get': channel<ConnectionDetails>()({
    input: z.object({ instanceId: id }).strict(),
    // jobs: the call budget changes with every sync or apply, and is shown fresh after one.
    reads: ['connections', 'instances', 'jobs'],
  }),
  /** Creates or edits an instance with its connection; secrets go to the keychain. */
  'connections:save': channel<ConnectionDetails>()({
    input: connectionInputSchema,
    writes: ['instances', 'connections', 'settings'],
    maxInputBytes: 512 * 1024,
  }),
  /** Calls each function once (write functions are only checked for token and login). */
  'connections:test': channel<ConnectionTest>()({
    input: z.object({ instanceId: id }).strict(),
    writes: ['connections'],
  }),
  /** Starts the built-in sandbox instance (1,000 people), connects to it and tests the connection. */
  'sandbox:explore': channel<ConnectionDetails>()({ input: noInput, writes: ['instances', 'connections', 'settings'] }),
  /** Forgets what was applied to the built-in sandbox: its seed again (the mirror changes at the next sync). */
  'sandbox:reset': channel<{ reset: true }>()({ input: noInput, writes: ['connections', 'sync'] }),
} as const;
