/**
 * `desk`: the command line over the same backend and data folder as the app. Human output by
 * default, --json for machines, progress on stderr, exit code 0 only on success (1 a failure,
 * 2 a usage error). Run with `npm run desk -- <command> ...`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isDamagedDatabaseError } from '../db/damage';
import { splitGlobalArgs, type GlobalArgs } from './args';
import type { Command } from './command';
import { COMMANDS } from './commands';
import { defaultDataDir } from './data-dir';
import { CliError, createOutput, usageError } from './output';
import { createSession } from './session';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    'desk: SmartSimple Admin Desk on the command line.',
    '',
    'Usage: desk [--data DIR] [--json] <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    `--data DIR   the data folder (default: the app's, ${defaultDataDir()})`,
    '--json       one JSON object (or one per line for streams) on stdout',
    '--new-database  when the database is damaged: move it aside and start a new one',
  ].join('\n');
}

async function runCommand(command: Command, rest: string[], dataDir: string, globals: GlobalArgs): Promise<void> {
  const out = createOutput(globals.json);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError(`${(err as Error).message}\nUsage: desk ${command.usage}`);
  }
  const session = createSession(dataDir, {
    ...(globals.newDatabase ? { onDamagedDatabase: 'start-new' as const } : {}),
    ...command.backendOptions?.(parsed.values),
  });
  try {
    await command.run({ positionals: parsed.positionals, values: parsed.values, out, session });
  } finally {
    await session.close();
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const globals = splitGlobalArgs(argv);
    const [name, ...rest] = globals.rest;
    if (globals.help || !name) {
      process.stdout.write(`${helpText()}\n`);
      return name || globals.help ? 0 : 2;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw usageError(`Unknown command "${name}". Run desk --help for the list.`);
    await runCommand(command, rest, path.resolve(globals.dataDir ?? defaultDataDir()), globals);
    return 0;
  } catch (err) {
    return report(err);
  }
}

function report(err: unknown): number {
  if (err instanceof CliError) {
    process.stderr.write(`desk: ${err.message}\n`);
    return err.exitCode;
  }
  if (isDamagedDatabaseError(err)) {
    process.stderr.write(`desk: ${err.message}\nTo start with a new database, run again with --new-database.\n`);
    return 1;
  }
  process.stderr.write(
    `desk: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  return 1;
}

const isEntry =
  process.argv[1] &&
  path.resolve(process.argv[1]).replace(/\.[cm]?[jt]s$/, '') === import.meta.filename?.replace(/\.[cm]?[jt]s$/, '');
if (isEntry) {
  process.exitCode = await main(process.argv.slice(2));
}
