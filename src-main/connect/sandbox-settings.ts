/**
 * The built-in sandbox's size and seed (or the instance file it serves), kept in the data folder:
 * whoever opens this folder next (the app, `desk`, the harness) starts the same sandbox, so its
 * saved state still fits it.
 * Options given explicitly are remembered; without them the remembered ones apply.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { SandboxRuntimeOptions } from './sandbox-runtime';

const FILE = 'sandbox-options.json';
const schema = z
  .object({ people: z.number().int().min(30).max(200_000), seed: z.number().int(), instanceFile: z.string().min(1) })
  .partial();

export function resolveSandboxOptions(dataDir: string, given: SandboxRuntimeOptions = {}): SandboxRuntimeOptions {
  const file = path.join(dataDir, FILE);
  const chosen = {
    ...(given.people !== undefined ? { people: given.people } : {}),
    ...(given.seed !== undefined ? { seed: given.seed } : {}),
    ...(given.instanceFile !== undefined ? { instanceFile: given.instanceFile } : {}),
  };
  if (Object.keys(chosen).length > 0) {
    fs.writeFileSync(file, `${JSON.stringify(chosen)}\n`);
    return given;
  }
  try {
    const remembered = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return remembered.success ? { ...remembered.data, ...given } : given;
  } catch {
    return given;
  }
}
