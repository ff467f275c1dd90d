/**
 * `desk connect --sandbox [--people N] [--seed N | --instance FILE]`: the built-in sandbox instance
 * (generated, or served from an instance file), connected and tested.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InstanceFileError, parseInstanceFile } from '../../smartsimple/sandbox/instance-file';
import type { Command } from '../command';
import { CliError, usageError } from '../output';

export const connectCommand: Command = {
  name: 'connect',
  usage: 'connect --sandbox [--people N] [--seed N | --instance FILE]',
  summary: 'Connect the built-in sandbox instance (generated, or from an instance file) and test every function.',
  options: {
    sandbox: { type: 'boolean' },
    people: { type: 'string' },
    seed: { type: 'string' },
    instance: { type: 'string' },
  },
  backendOptions: (values) => ({ sandbox: { ...sandboxSizeOptions(values), ...instanceFileOption(values) } }),
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

/** An instance file, checked before anything starts: a file that is not one is refused with its problems. */
function instanceFileOption(values: Record<string, unknown>): { instanceFile?: string } {
  const given = values.instance as string | undefined;
  if (given === undefined) return {};
  if (values.people !== undefined || values.seed !== undefined)
    throw usageError('--instance serves the file as it is: leave out --people and --seed.');
  const file = path.resolve(given);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `${given} could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }
  try {
    parseInstanceFile(text, given);
  } catch (error) {
    if (error instanceof InstanceFileError) throw new CliError(error.message);
    throw error;
  }
  return { instanceFile: file };
}
