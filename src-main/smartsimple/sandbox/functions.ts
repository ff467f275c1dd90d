/**
 * The instance's SmartConnect functions, as an administrator would have created them: one per
 * name in KNOWN_FUNCTIONS, with the recommended field lists and a token each. Tokens depend only
 * on the seed, so the embedded sandbox keeps the same tokens (and keychain entries) across starts.
 */
import {
  type FunctionRegistry,
  type FunctionSpec,
  KNOWN_FUNCTIONS,
  type KnownFunctionName,
  RECOMMENDED_FIELDS,
  REPORT_COLUMNS,
} from '../protocol';
import { Rng } from './seed/prng';

export interface RegisteredFunction {
  name: string;
  spec: FunctionSpec;
}

export interface FunctionIndex {
  registry: FunctionRegistry;
  byToken: Map<string, RegisteredFunction>;
  /** report function name -> report id, and back. */
  reportIds: Map<string, string>;
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function buildFunctions(seed: number): FunctionIndex {
  const rng = new Rng(seed, 'function-tokens');
  const registry: FunctionRegistry = {};
  const byToken = new Map<string, RegisteredFunction>();
  const reportIds = new Map<string, string>();
  let reportId = rng.int(20_000, 90_000);
  for (const name of Object.keys(KNOWN_FUNCTIONS) as KnownFunctionName[]) {
    const { type, action } = KNOWN_FUNCTIONS[name];
    // Opaque, 36-40 characters, ending in "~" like the vendor's demo tokens.
    let token = `${rng.text(rng.int(35, 39), TOKEN_ALPHABET)}~`;
    while (byToken.has(token)) token = `${rng.text(rng.int(35, 39), TOKEN_ALPHABET)}~`;
    const spec: FunctionSpec = { type, action, token, fields: [...(RECOMMENDED_FIELDS[name] ?? [])] };
    if (name in REPORT_COLUMNS) {
      spec.reportid = String(reportId);
      reportIds.set(name, spec.reportid);
      reportId += rng.int(1, 40);
    }
    registry[name] = spec;
    byToken.set(token, { name, spec });
  }
  return { registry, byToken, reportIds };
}
