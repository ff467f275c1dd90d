/** `desk connect --sandbox [--people N] [--seed N]`: the built-in sandbox instance, connected and tested. */
import type { Command } from '../command';
import { usageError } from '../output';

export const connectCommand: Command = {
  name: 'connect',
  usage: 'connect --sandbox [--people N] [--seed N]',
  summary: 'Connect the built-in sandbox instance and test every function.',
  options: { sandbox: { type: 'boolean' }, people: { type: 'string' }, seed: { type: 'string' } },
  backendOptions: (values) => ({ sandbox: sandboxSizeOptions(values) }),
  async run({ values, out, session }) {
    if (!values.sandbox)
      throw usageError(
        'Only the built-in sandbox connects from the command line: desk connect --sandbox. Add a real instance in the app (Connect).',
      );
    out.progress('Starting the sandbox instance and testing its functions...');
    const details = await session.call('sandbox:explore');
    const working = details.lastTest?.results.filter((r) => r.status === 'ok' || r.status === 'accepted').length ?? 0;
    const total = details.functions.length;
    out.result(
      { instance: details.instance, functions: total, working, budget: details.budget },
      () => `Connected ${details.instance.name} (${details.instance.id}): ${working} of ${total} functions work.`,
    );
  },
};

/** Sizes from the command line, checked here so a typo is a usage error, not a sandbox of NaN people. */
export function sandboxSizeOptions(values: Record<string, unknown>): { people?: number; seed?: number } {
  const read = (name: 'people' | 'seed', min: number, max: number) => {
    const raw = values[name];
    if (raw === undefined) return {};
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw usageError(`--${name} takes a whole number from ${min} to ${max}.`);
    return { [name]: n };
  };
  return { ...read('people', 30, 200_000), ...read('seed', 0, 2 ** 31 - 1) };
}
