/** The lifecycle service over a synced sandbox mirror (Ask's test mirror), with the clock fixed. */
import { createAiService, type AiServiceDeps } from '../../ai/ai-service';
import { createAskService } from '../../ask/ask-service';
import { ASK_TEST_NOW, syncedMirror } from '../../ask/test-support/ask-mirror';
import { createLifecycleService } from '../lifecycle-service';

export const TEST_ADMINISTRATOR = 'Test Administrator';

export async function lifecycleOverMirror(
  dir: string,
  options: { people?: number; seed?: number; ai?: Omit<AiServiceDeps, 'db'> } = {},
) {
  const { db, instanceId } = await syncedMirror(dir, options.people, options.seed);
  const ai = createAiService({ db, ...options.ai });
  const ask = createAskService({ db, now: () => ASK_TEST_NOW, ai });
  const lifecycle = createLifecycleService({
    db,
    ask,
    ai,
    instances: { get: (id) => ({ id }) },
    administrator: () => TEST_ADMINISTRATOR,
    now: () => ASK_TEST_NOW,
  });
  return { db, instanceId, ask, ai, lifecycle };
}
