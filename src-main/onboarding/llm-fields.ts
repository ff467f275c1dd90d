/**
 * The LLM engine's reading of a document, when the administrator turned it on: the AI core's
 * extract_fields task (pseudonymized text out, values back, each checked against the text by the
 * task itself). It only fills fields intake's own reader left empty, never replaces one, never
 * gives roles (the task has no such field), and each value it adds keeps its place on the page:
 * a value not found in the document's text is dropped. Its suggestion is recorded by the AI core.
 */
import type { IntakeStandardField, OnboardingPage, Proposal } from '../../src-preload/contract';
import type { AiService } from '../ai/ai-service';
import type { FieldName } from '../ai/tasks/extract-fields';
import { sourceOf } from '../intake/extract/extract-fields';

/** The task's names that are intake's own fields (fullName is split by the task itself). */
const AS_INTAKE: Partial<Record<FieldName, IntakeStandardField>> = {
  firstName: 'firstName',
  lastName: 'lastName',
  email: 'email',
  phone: 'phone',
  title: 'title',
  organization: 'organization',
  department: 'department',
  startDate: 'startDate',
  employeeNumber: 'employeeNumber',
  managerName: 'managerName',
};

/** An LLM value is never surer than this: the administrator checks it like a hard-to-read one. */
const LLM_CONFIDENCE_CAP = 0.8;

function locate(pages: OnboardingPage[], value: string): Proposal['fields'][string]['source'] {
  const wanted = value.toLowerCase();
  for (const page of pages) {
    const start = page.text.toLowerCase().indexOf(wanted);
    if (start >= 0) {
      const source = sourceOf(page, start, start + value.length);
      return source && page.attachment ? { ...source, attachment: page.attachment } : source;
    }
  }
  return null;
}

export interface LlmReading {
  fields: Proposal['fields'];
  /** The LLM's suggestion, when it answered (not the local fallback). */
  suggestionId: string | null;
}

/** Adds what the LLM read and intake did not; unchanged when the LLM engine is off or did not answer. */
export async function withLlmFields(
  ai: Pick<AiService, 'extractFields' | 'engineInUse'>,
  instanceId: string,
  pages: OnboardingPage[],
  fields: Proposal['fields'],
): Promise<LlmReading> {
  const text = pages.map((p) => p.text).join('\n');
  if (ai.engineInUse() !== 'llm' || !text.trim()) return { fields, suggestionId: null };
  const answer = await ai.extractFields({ text: text.slice(0, 200_000) }, { instanceId });
  if (answer.engine !== 'llm') return { fields, suggestionId: null };
  const out = { ...fields };
  for (const f of answer.output.fields) {
    const name = AS_INTAKE[f.name];
    if (!name || out[name] || !f.value.trim()) continue;
    const source = locate(pages, f.value.trim());
    if (!source) continue;
    out[name] = {
      value: f.value.trim(),
      confidence: Math.min(f.confidence, LLM_CONFIDENCE_CAP),
      source,
      edited: false,
    };
  }
  return { fields: out, suggestionId: answer.suggestionId };
}
