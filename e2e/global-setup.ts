/** Builds the renderer and the harness bridge once for the whole run. */
import { buildForHarness } from './harness/build';

export default async function globalSetup(): Promise<void> {
  await buildForHarness({ skipRenderer: process.env.E2E_SKIP_BUILD === '1' });
}
