/**
 * The local engine, the default: rules, statistics and fuzzy matching in this process, no
 * network. Inputs and outputs are validated with the task's schemas like the LLM engine's are.
 */
import type { z } from 'zod';
import type { AiEngine, EngineAnswer, TaskRunner } from './engine';
import { engineOf } from './engine';
import type { TaskSpec } from './task';
import { clamp01 } from './task';
import type { Tasks } from './tasks';

/** Named in the record as the local engine's model. */
export const LOCAL_MODEL = 'local-rules-1';

export async function runLocally<I extends z.ZodType, O extends z.ZodType>(
  spec: TaskSpec<I, O>,
  input: z.input<I>,
  fallbackReason: string | null = null,
): Promise<EngineAnswer<z.output<O>>> {
  const parsed = spec.input.parse(input) as z.output<I>;
  const output = spec.output.parse(await spec.local(parsed)) as z.output<O>;
  const { confidence, explanation } = spec.summarize(output);
  return {
    kind: spec.kind,
    engine: 'local',
    model: LOCAL_MODEL,
    output,
    confidence: clamp01(confidence),
    explanation,
    fallbackReason,
  };
}

export function createLocalEngine(tasks: Tasks): AiEngine {
  const run: TaskRunner = (spec, input) => runLocally(spec, input);
  return engineOf('local', tasks, run);
}
