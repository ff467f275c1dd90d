import { describe, expect, it } from 'vitest';
import { llmSettingsProblem, llmSettingsSchema } from './llm-settings';

const base = { enabled: true, model: 'gpt-4o-mini', timeoutMs: 30_000 };

describe('LLM settings', () => {
  it('takes https anywhere and http only on this machine', () => {
    for (const baseUrl of [
      'https://api.openai.com/v1',
      'https://my-resource.openai.azure.com/openai/v1',
      'http://127.0.0.1:11434/v1',
      'http://localhost:8080/v1',
    ])
      expect([baseUrl, llmSettingsProblem({ ...base, baseUrl })]).toEqual([baseUrl, null]);
    expect(llmSettingsProblem({ ...base, baseUrl: 'http://10.0.0.5:11434/v1' })).toMatch(/Use https:\/\//);
    expect(llmSettingsProblem({ ...base, baseUrl: 'ftp://127.0.0.1/v1' })).toMatch(/must start with https/);
    expect(llmSettingsProblem({ ...base, baseUrl: 'not a url' })).toMatch(/not a URL/);
  });

  it('needs a model and a sane timeout, and says when it is off', () => {
    const url = 'https://api.openai.com/v1';
    expect(llmSettingsProblem({ ...base, baseUrl: url, model: ' ' })).toBe('Set the base URL and the model first.');
    expect(llmSettingsProblem({ ...base, baseUrl: url, enabled: false })).toBe('The LLM engine is off.');
    expect(llmSettingsSchema.safeParse({ ...base, baseUrl: url, timeoutMs: 10 }).success).toBe(false);
    expect(llmSettingsSchema.safeParse({ ...base, baseUrl: url, apiKey: 'sk-x' }).data).not.toHaveProperty('apiKey');
  });
});
