/** The AI section's logic: what the form sends, what it refuses, and how the engine and rates read. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LLM_SETTINGS, TASK_KINDS, baseUrlProblem } from '../../../src-preload/contract';
import {
  KIND_LABELS,
  LOCAL_ENGINE_LABEL,
  engineSummary,
  formatRate,
  ratesByKind,
  removeKeyInput,
  serverFieldErrors,
  toConfigureInput,
  validateLlmForm,
  valuesFromStatus,
  type LlmFormValues,
} from './ai-settings-model';

const llm = { ...DEFAULT_LLM_SETTINGS, keySet: true };
const filled: LlmFormValues = {
  enabled: true,
  baseUrl: ' https://llm.example.org/v1 ',
  model: ' m1 ',
  timeoutSeconds: 12.5,
  key: '',
};

describe('the AI settings form', () => {
  it('sends the timeout in milliseconds and the key only when one was typed', () => {
    expect(toConfigureInput(filled)).toEqual({
      enabled: true,
      baseUrl: 'https://llm.example.org/v1',
      model: 'm1',
      timeoutMs: 12_500,
    });
    expect(toConfigureInput({ ...filled, key: '  sk-1 ' })).toMatchObject({ key: 'sk-1' });
    expect(toConfigureInput({ ...filled, key: '   ' })).not.toHaveProperty('key');
  });

  it('starts from the saved settings, in seconds, with the key field empty', () => {
    expect(valuesFromStatus({ llm: { ...llm, timeoutMs: 45_000, model: 'x' } })).toEqual({
      enabled: false,
      baseUrl: '',
      model: 'x',
      timeoutSeconds: 45,
      key: '',
    });
  });

  it('removes the key with key: null and the saved settings unchanged', () => {
    const status = { llm: { ...llm, enabled: true, baseUrl: 'https://a.example/v1', model: 'm', timeoutMs: 9000 } };
    expect(removeKeyInput(status)).toEqual({
      enabled: true,
      baseUrl: 'https://a.example/v1',
      model: 'm',
      timeoutMs: 9000,
      key: null,
    });
  });

  it('refuses http:// off this machine, a missing URL or model when on, and a timeout out of range', () => {
    expect(validateLlmForm({ ...filled, baseUrl: 'http://example.org' }).baseUrl).toMatch(/Use https:\/\//);
    expect(validateLlmForm({ ...filled, baseUrl: 'http://127.0.0.1:11434/v1' })).toEqual({});
    expect(validateLlmForm({ ...filled, baseUrl: '' }).baseUrl).toMatch(/address of the LLM server/);
    expect(validateLlmForm({ ...filled, enabled: false, baseUrl: '', model: '' })).toEqual({});
    expect(validateLlmForm({ ...filled, model: ' ' }).model).toMatch(/model name/);
    expect(validateLlmForm({ ...filled, timeoutSeconds: 0.5 }).timeoutSeconds).toMatch(/between 1 and 600/);
    expect(validateLlmForm({ ...filled, timeoutSeconds: 601 }).timeoutSeconds).toMatch(/between 1 and 600/);
    expect(validateLlmForm({ ...filled, timeoutSeconds: '' }).timeoutSeconds).toMatch(/how many seconds/);
    expect(validateLlmForm(filled)).toEqual({});
  });

  it("puts main's refusals on their fields", () => {
    const details = [{ path: ['timeoutMs'], message: 'Too big' }];
    expect(serverFieldErrors({ code: 'VALIDATION', message: 'x', details })).toEqual({ timeoutSeconds: 'Too big' });
    // main's own refusal of an http:// endpoint carries no path: it belongs on the base URL.
    const refusal = baseUrlProblem('http://example.org/v1') ?? '';
    expect(serverFieldErrors({ code: 'VALIDATION', message: refusal })).toEqual({ baseUrl: refusal });
    expect(serverFieldErrors({ code: 'VALIDATION', message: 'Invalid LLM settings.' })).toEqual({});
    expect(serverFieldErrors({ code: 'UNAVAILABLE', message: 'No keychain URL' })).toEqual({});
  });
});

describe('the AI status in words', () => {
  it('names the engine in use', () => {
    expect(engineSummary({ engine: 'local', llm })).toBe(LOCAL_ENGINE_LABEL);
    expect(engineSummary({ engine: 'llm', llm: { ...llm, model: 'm1', baseUrl: 'https://a.example/v1' } })).toBe(
      'LLM: m1 at https://a.example/v1',
    );
  });

  it('shows a rate as a whole percent, or a dash while nothing is decided', () => {
    expect(formatRate(null)).toBe('–');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(2 / 3)).toBe('67%');
    expect(formatRate(1)).toBe('100%');
  });

  it('lists every kind once, in order, with zeros for one never suggested', () => {
    const explain = { kind: 'explain' as const, suggested: 3, accepted: 1, edited: 1, rejected: 1, rate: 0.667 };
    const rows = ratesByKind([explain]);
    expect(rows.map((r) => r.kind)).toEqual([...TASK_KINDS]);
    expect(rows[4]).toBe(explain);
    expect(rows[0]).toEqual({ kind: 'extract_fields', suggested: 0, accepted: 0, edited: 0, rejected: 0, rate: null });
  });

  it('has words for every kind of suggestion', () => {
    for (const kind of TASK_KINDS) expect(KIND_LABELS[kind]).toMatch(/^[A-Z]/);
  });
});
