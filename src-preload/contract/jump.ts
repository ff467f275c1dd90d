/**
 * Jump to (Ctrl/Cmd+K) beyond the screens: people, roles, programs, organizations and plans of the
 * active instance, found by name, e-mail or id.
 */
import { z } from 'zod';
import { channel, idSchema } from './wire';

export const JUMP_KINDS = ['person', 'role', 'program', 'organization', 'plan'] as const;
export type JumpKind = (typeof JUMP_KINDS)[number];

/** One thing Jump to can open. */
export interface JumpTarget {
  kind: JumpKind;
  /** The record id (a plan's own id for a plan). */
  id: string;
  /** What it is called: a person's name, a role's name, a plan's title. */
  label: string;
  /** One line that tells two of the same name apart: e-mail and organization, state, holders. */
  detail: string;
  /** Where it opens, as an app path (`/people/14543`, `/plans?plan=<id>`). */
  path: string;
}

export const jumpChannels = {
  /** The best matches of each kind, exact ids and names first; a few of each. */
  'jump:find': channel<JumpTarget[]>()({
    input: z.object({ instanceId: idSchema, query: z.string().trim().min(1).max(200) }).strict(),
    reads: ['mirror', 'plans'],
  }),
} as const;
