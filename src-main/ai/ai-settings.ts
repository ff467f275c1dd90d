/**
 * The AI settings an administrator changes: the LLM engine on or off, its endpoint and model
 * (SQLite), its key (the keychain only; the renderer learns whether one is set), the connection
 * test, and the status the Settings screen shows with the acceptance rates.
 */
import type { AiStatus, LlmConnectionTest, ParsedInputOf } from '../../src-preload/contract';
import { AppError } from '../errors/app-error';
import type { InstancesService } from '../instances/instances-service';
import type { Vault } from '../vault/vault';
import type { AiService } from './ai-service';
import { llmSettingsProblem, llmSettingsSchema } from './llm-settings';

export interface AiSettingsService {
  status(): Promise<AiStatus>;
  configure(input: ParsedInputOf<'ai:configureLlm'>): Promise<AiStatus>;
  test(): Promise<LlmConnectionTest>;
}

const LLM_KEY = { kind: 'llm-key' } as const;

export function createAiSettingsService(deps: {
  ai: AiService;
  vault: Vault;
  instances: InstancesService;
}): AiSettingsService {
  const { ai, vault, instances } = deps;
  const status = async (): Promise<AiStatus> => {
    const llm = instances.settings().llm;
    const keychain = await vault.status();
    const keySet = keychain.available ? (await vault.get(LLM_KEY)) !== null : false;
    const problem = llm.enabled ? llmSettingsProblem(llm) : null;
    return {
      engine: ai.engineInUse(),
      llm: { ...llm, keySet },
      llmProblem: problem ?? (llm.enabled && !keySet ? 'No key is stored: the endpoint is called without one.' : null),
      rates: ai.acceptanceRates(),
    };
  };
  return {
    status,
    async configure({ key, ...settings }) {
      const parsed = llmSettingsSchema.safeParse(settings);
      if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]?.message ?? 'Invalid LLM settings.');
      if (key !== undefined) {
        const keychain = await vault.status();
        if (!keychain.available) throw new AppError('UNAVAILABLE', keychain.reason ?? 'No OS keychain is available.');
        if (key === null) await vault.delete(LLM_KEY);
        else await vault.set(LLM_KEY, key);
      }
      instances.updateSettings({ llm: parsed.data });
      return status();
    },
    test: () => ai.testLlmConnection(),
  };
}
