/** What every generator phase shares: options, the clock of the story, and named random streams. */
import { Rng } from './prng';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const YEAR_MS = 365 * DAY_MS;

export interface GenerateOptions {
  seed: number;
  /** Total people, 30..200,000 (contacts and users, the API user and planted duplicates included). */
  people: number;
  /** Months of logs ending at `now`. Default 6. */
  logMonths?: number;
  /** Mean login sessions per person with login access per week. Default 0.5 (~1M rows at 100k). */
  sessionsPerPersonPerWeek?: number;
  /** End of the logs. Default: the start of the current UTC day, so a seed repeats within a day. */
  now?: number;
  /** Size of the role catalogue. Default scales from 20 (30 people) to 55 (100,000 people). */
  roles?: number;
}

export interface ResolvedOptions {
  seed: number;
  people: number;
  logMonths: number;
  sessionsPerPersonPerWeek: number;
  now: number;
  roles: number;
}

export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const { seed, people } = options;
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  if (!Number.isInteger(people) || people < 30 || people > 200_000)
    throw new RangeError('people must be an integer in 30..200000');
  const logMonths = options.logMonths ?? 6;
  if (!(logMonths > 0 && logMonths <= 36)) throw new RangeError('logMonths must be in (0, 36]');
  const sessionsPerPersonPerWeek = options.sessionsPerPersonPerWeek ?? 0.5;
  if (!(sessionsPerPersonPerWeek >= 0 && sessionsPerPersonPerWeek <= 50))
    throw new RangeError('sessionsPerPersonPerWeek must be in [0, 50]');
  const now = options.now ?? Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const roles = options.roles ?? Math.round(Math.min(60, Math.max(20, 20 + 10 * Math.log10(people / 30))));
  if (!Number.isInteger(roles) || roles < 12 || roles > 2000)
    throw new RangeError('roles must be an integer in 12..2000');
  return { seed, people, logMonths, sessionsPerPersonPerWeek, now, roles };
}

export class GenContext {
  readonly now: number;
  readonly logStart: number;
  constructor(readonly options: ResolvedOptions) {
    this.now = options.now;
    this.logStart = options.now - Math.round(options.logMonths * 30.4375) * DAY_MS;
  }
  /** A fresh stream per phase: phases stay independent of each other's draw counts. */
  rng(stream: string): Rng {
    return new Rng(this.options.seed, stream);
  }
}

/** `first.last` style slug for domains and aliases. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '');
}

export function phoneNumber(rng: Rng): string {
  return `+1-555-${rng.int(200, 999)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
}
