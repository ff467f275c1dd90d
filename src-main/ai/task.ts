/**
 * What a task is, for both engines: its zod input and output, the local implementation, and what
 * the LLM engine needs to ask for it (instructions, the identifiers the input carries, and the
 * shape the model answers in when ids travel as tokens).
 */
import type { z } from 'zod';
import type { KnownIdentifier, PseudonymizeOptions } from './pseudonymize';

import { TASK_KINDS, type TaskKind } from '../../src-preload/contract';

export { TASK_KINDS, type TaskKind };

/** What an engine says, with how sure it is and why, in the administrator's words. */
export interface TaskAnswer<O> {
  output: O;
  confidence: number;
  explanation: string;
}

export interface TaskSpec<I extends z.ZodType, O extends z.ZodType> {
  kind: TaskKind;
  input: I;
  output: O;
  /**
   * The shape the model answers in. Ids leave as tokens (ID_1), so where the output holds ids
   * the wire shape holds strings; re-identification turns them back before `output` validates.
   */
  wire?: z.ZodType;
  /** Told to the model, with the pseudonymized input as the user message. */
  instructions: string;
  /** Names, organizations, addresses and ids in the input that patterns alone would miss. */
  identifiers(input: z.output<I>): KnownIdentifier[];
  pseudonymizeOptions?: PseudonymizeOptions;
  local(input: z.output<I>): Promise<z.output<O>> | z.output<O>;
  /**
   * What a model's answer must not contradict in the input (a candidate that was not offered, a
   * "k of n" that does not count right): the problem in words, or null. The local answer is
   * right by construction; an LLM answer that fails this is not used.
   */
  verify?(output: z.output<O>, input: z.output<I>): string | null;
  /** Confidence and explanation from an output, the same for either engine. */
  summarize(output: z.output<O>): { confidence: number; explanation: string };
}

export const clamp01 = (n: number) => Math.max(0, Math.min(1, Number.isFinite(n) ? n : 0));
export const round2 = (n: number) => Math.round(n * 100) / 100;
