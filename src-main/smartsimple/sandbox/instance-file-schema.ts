/**
 * The instance file: a whole sandbox instance as JSON (documented in README.md, "Instance
 * files"), so tests and administrators can rehearse on a snapshot of their own. Times are ISO
 * 8601 in UTC ("2026-11-20T12:00:00Z"), days are "YYYY-MM-DD", ids are positive whole numbers.
 */
import { z } from 'zod';
import { ACCESS_ACTIONS, USER_STATUSES } from '../protocol';

export const INSTANCE_FILE_FORMAT = 'admin-desk-sandbox-instance';
export const INSTANCE_FILE_VERSION = 1;

const id = z.number().int().positive();
const text = (max: number) => z.string().max(max);
const time = z.iso.datetime({ offset: true });
const day = z.iso.date();
const ipv4 = z.string().regex(/^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/, 'an IPv4 address');

const organization = z
  .object({
    id,
    name: text(300).min(1),
    /** Null only for the root organization. */
    parentId: id.nullable(),
    external: z.boolean(),
    status: z.enum(['Active', 'Inactive']).default('Active'),
    phone: text(60).default(''),
    website: text(300).default(''),
    created: time.optional(),
  })
  .strict();

const person = z
  .object({
    id,
    firstName: text(100),
    lastName: text(100),
    email: text(320),
    title: text(200).default(''),
    phone: text(60).default(''),
    organizationId: id,
    external: z.boolean(),
    accessType: z.enum(['none', 'user', 'api']),
    userType: z.enum(['user', 'localAdmin', 'globalAdmin']).default('user'),
    status: z.enum(USER_STATUSES).default('Active'),
    accessExpiry: day.nullable().default(null),
    lastLogin: time.nullable().default(null),
    created: time.optional(),
    department: text(200).nullable().default(null),
    employeeNumber: text(60).nullable().default(null),
    managerId: id.nullable().default(null),
  })
  .strict();

const role = z
  .object({
    id,
    name: text(200).min(1),
    description: text(1000).default(''),
    /** "UTA roles only": held on programs (assignments), not as a profile role. */
    programOnly: z.boolean().default(false),
    privileged: z.boolean().default(false),
  })
  .strict();

const program = z
  .object({
    id,
    name: text(300).min(1),
    status: text(60).default('Open'),
    type: text(100).default('Grant'),
    ownerId: id,
    created: time.optional(),
  })
  .strict();

export const instanceFileSchema = z
  .object({
    format: z.literal(INSTANCE_FILE_FORMAT),
    version: z.literal(INSTANCE_FILE_VERSION),
    alias: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes'),
    rootOrganizationId: id,
    /** When the logs end (the instance's "now"). */
    now: time,
    /** When the logs begin. */
    logStart: time,
    /** The API user: a person with access type "api"; the password is the sandbox's (made up). */
    apiUser: z.object({ personId: id, password: z.string().min(8).max(200) }).strict(),
    organizations: z.array(organization).min(1),
    people: z.array(person).min(1),
    roles: z.array(role),
    /** Profile roles held. */
    holdings: z.array(z.object({ personId: id, roleId: id }).strict()),
    programs: z.array(program),
    /** Program assignments: a person on a program with a program-only role. */
    assignments: z.array(z.object({ id, programId: id, personId: id, roleId: id }).strict()),
    /** Login sessions; read in time order (a session id is its place in that order plus `sessionIdBase`). */
    sessions: z.array(z.object({ personId: id, start: time, end: time, ip: ipv4, userAgent: text(500) }).strict()),
    sessionIdBase: z.number().int().min(0).default(20_000_000),
    /** Access Modification events, in the order they happened. */
    accessEvents: z.array(
      z
        .object({ personId: id, action: z.enum(ACCESS_ACTIONS), by: id, at: time, detail: text(1000).default('') })
        .strict(),
    ),
    accessEventIdBase: z.number().int().min(0).default(40_000_000),
    /** What was planted in the instance, passed through as the sandbox's ground truth (--ground-truth). */
    groundTruth: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export type InstanceFile = z.output<typeof instanceFileSchema>;
export type InstanceFileInput = z.input<typeof instanceFileSchema>;
