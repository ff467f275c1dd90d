/**
 * One interface, two engines. Each task is a typed function (zod in, zod out); every answer says
 * which engine and model produced it and, when the LLM engine was asked but the local engine
 * answered, why.
 */
import type { z } from 'zod';
import type { TaskAnswer, TaskKind, TaskSpec } from './task';
import type { TaskName, Tasks } from './tasks';

import type { EngineName } from '../../src-preload/contract';

export type { EngineName };

export interface EngineAnswer<O> extends TaskAnswer<O> {
  kind: TaskKind;
  engine: EngineName;
  model: string;
  /** Set when the LLM engine was asked and the local engine answered instead: why. */
  fallbackReason: string | null;
}

type InputOf<T> = T extends TaskSpec<infer I, z.ZodType> ? z.input<I> : never;
type OutputOf<T> = T extends TaskSpec<z.ZodType, infer O> ? z.output<O> : never;

type Task<K extends TaskName> = (input: InputOf<Tasks[K]>) => Promise<EngineAnswer<OutputOf<Tasks[K]>>>;

/** The task functions, each typed by its task's zod schemas (see tasks/). */
export interface AiEngine {
  readonly name: EngineName;
  /** Fields from a document's text ("Label: value" lines, e-mail/phone/date patterns). */
  extractFields: Task<'extractFields'>;
  /** Is this person or organization one of the candidates from the mirror? */
  resolve: Task<'resolve'>;
  /** Roles most similar people hold ("k of n"). */
  recommendRoles: Task<'recommendRoles'>;
  /** A question in plain language as a structured query, or "cannot read". */
  interpretQuestion: Task<'interpretQuestion'>;
  /** A structured explanation as sentences. */
  explain: Task<'explain'>;
  /** An answer from retrieved passages only, each sentence citing its passages. */
  answerQuestion: Task<'answerQuestion'>;
  /** A sentence describing a bulk change as an action and a people query, or "cannot read". */
  describeChange: Task<'describeChange'>;
}
export type TaskInput<K extends TaskName> = InputOf<Tasks[K]>;
export type TaskOutput<K extends TaskName> = OutputOf<Tasks[K]>;

/** How an engine answers one task. */
export type TaskRunner = <I extends z.ZodType, O extends z.ZodType>(
  spec: TaskSpec<I, O>,
  input: z.input<I>,
) => Promise<EngineAnswer<z.output<O>>>;

/** Builds the engine's typed task functions from its runner. */
export function engineOf(name: EngineName, tasks: Tasks, run: TaskRunner): AiEngine {
  const engine = { name } as Record<string, unknown>;
  for (const key of Object.keys(tasks) as TaskName[]) {
    const spec = tasks[key] as TaskSpec<z.ZodType, z.ZodType>;
    engine[key] = (input: unknown) => run(spec, input);
  }
  return engine as unknown as AiEngine;
}
