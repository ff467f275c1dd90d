/**
 * `npm run sandbox -- --people 2000 --seed 7 --port 0`: starts a sandbox instance and prints ONE
 * JSON line on stdout, the connection the app's Connect screen accepts ({url, alias,
 * rootCompanyId, apiVersion, apiUser, functions}); serves until SIGINT/SIGTERM. Notes go to
 * stderr so the stdout line stays machine-readable. Defaults: resources/sandbox/seed-settings.json.
 * `--instance FILE` serves an instance file instead of generating one; `--write-instance FILE`
 * writes the instance served (generated or loaded) as one (see README.md, "Instance files").
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ErrorStyle } from './errors';
import { instanceToFile, loadInstance } from './instance-file';
import { writeGroundTruth } from './seed/ground-truth';
import { startSandbox } from './server';

interface SeedSettings {
  seed?: number;
  people?: number;
  logMonths?: number;
  hourlyLimit?: number;
  errorStyle?: ErrorStyle;
}

function defaults(): SeedSettings {
  try {
    return JSON.parse(
      readFileSync(new URL('../../../resources/sandbox/seed-settings.json', import.meta.url), 'utf8'),
    ) as SeedSettings;
  } catch {
    return {};
  }
}

function integer(name: string, value: string | undefined, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new Error(`--${name} takes a whole number, got "${value}"`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      people: { type: 'string' },
      seed: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      roles: { type: 'string' },
      'log-months': { type: 'string' },
      now: { type: 'string' },
      'hourly-limit': { type: 'string' },
      latency: { type: 'string' },
      'error-style': { type: 'string' },
      'partial-batch': { type: 'string' },
      'ground-truth': { type: 'string' },
      instance: { type: 'string' },
      'write-instance': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stderr.write(
      'usage: npm run sandbox -- [--people N] [--seed N] [--port N] [--host H] [--roles N] [--log-months N] [--now ISO]\n' +
        '  [--hourly-limit N] [--latency MS] [--error-style http200|http4xx] [--partial-batch all-or-nothing|per-record] [--ground-truth FILE]\n' +
        '  [--instance FILE (serve this instance instead of generating one)] [--write-instance FILE (write the instance served)]\n',
    );
    return;
  }
  const settings = defaults();
  const errorStyle = values['error-style'] ?? settings.errorStyle ?? 'http200';
  if (errorStyle !== 'http200' && errorStyle !== 'http4xx') throw new Error('--error-style is http200 or http4xx');
  const partialBatch = values['partial-batch'] ?? 'all-or-nothing';
  if (partialBatch !== 'all-or-nothing' && partialBatch !== 'per-record')
    throw new Error('--partial-batch is all-or-nothing or per-record');
  const now = values.now === undefined ? undefined : Date.parse(values.now);
  if (now !== undefined && Number.isNaN(now)) throw new Error('--now takes an ISO date');

  const started = performance.now();
  const instance = values.instance ? loadInstance(readFileSync(values.instance, 'utf8'), values.instance) : undefined;
  if (instance && (values.people !== undefined || values.seed !== undefined))
    throw new Error('--instance serves the file as it is: leave out --people and --seed');
  const handle = await startSandbox({
    ...(instance ? { instance } : {}),
    seed: integer('seed', values.seed, settings.seed) ?? 7,
    people: integer('people', values.people, settings.people) ?? 1000,
    port: integer('port', values.port, 0) ?? 0,
    host: values.host ?? '127.0.0.1',
    ...(values.roles !== undefined ? { roles: integer('roles', values.roles, undefined) } : {}),
    logMonths: integer('log-months', values['log-months'], settings.logMonths) ?? 6,
    ...(now !== undefined ? { now } : {}),
    hourlyLimit: integer('hourly-limit', values['hourly-limit'], settings.hourlyLimit) ?? 1000,
    latencyMs: integer('latency', values.latency, 0) ?? 0,
    errorStyle,
    partialBatch,
  });
  if (values['ground-truth']) await writeGroundTruth(values['ground-truth'], handle.groundTruth);
  if (values['write-instance'])
    await writeFile(
      values['write-instance'],
      `${JSON.stringify(instanceToFile(handle.state.data, handle.groundTruth))}\n`,
    );
  process.stdout.write(`${JSON.stringify(handle.connection())}\n`);
  process.stderr.write(
    `sandbox "${handle.alias}" with ${handle.state.data.people.length} people at ${handle.url} (ready in ${Math.round(performance.now() - started)} ms); Ctrl+C to stop\n`,
  );

  const stop = (): void => {
    void handle.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
