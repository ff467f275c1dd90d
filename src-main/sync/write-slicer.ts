/**
 * Splits a page's writes into transactions short enough for the event loop. A page of 1,000
 * people with their search rows costs a couple of hundred milliseconds of SQLite; written in
 * slices of about `targetMs` with a turn of the event loop between them, the main process keeps
 * answering. Slice sizes follow the measured cost per row of each entity.
 *
 * Only the last slice of a page moves the cursor. The slices before it are safe to write twice:
 * a record equal to the mirrored one is not written again and log rows have natural keys, so a
 * page cut short by a crash is simply applied again on resume, and counted once.
 */
import type { SyncEntity } from './types';

const INITIAL_ROWS: Record<SyncEntity, number> = {
  roles: 500,
  organizations: 200,
  people: 100,
  programs: 200,
  assignments: 500,
  access_events: 1000,
  login_sessions: 1000,
};

/**
 * Time per unit of work (a row, a key, a page), from decaying sums of the time and the units
 * measured: a reading of 0 (a CPU clock that ticks every 10 ms) or a spike then moves the rate by
 * its share of the recent total, not all the way.
 */
export class DecayingRate {
  private ms = 0;
  private units = 0;

  constructor(private readonly keep = 0.8) {}

  /** ms per unit, or undefined before the first measure. */
  get value(): number | undefined {
    return this.units > 0 ? this.ms / this.units : undefined;
  }

  record(units: number, ms: number): void {
    this.ms = this.ms * this.keep + ms;
    this.units = this.units * this.keep + units;
  }
}

export class WriteSlicer {
  private readonly rates = new Map<SyncEntity, DecayingRate>();

  constructor(private readonly targetMs = 20) {}

  /** Rows for the next slice of `entity`. */
  size(entity: SyncEntity, targetMs = this.targetMs): number {
    const rate = this.rates.get(entity)?.value;
    if (rate === undefined) return INITIAL_ROWS[entity];
    return Math.min(10_000, Math.max(25, Math.floor(targetMs / Math.max(rate, 1e-4))));
  }

  /** How long a slice of `rows` took. */
  record(entity: SyncEntity, rows: number, ms: number): void {
    // Tiny slices say more about fixed costs than about rows.
    if (rows < 20) return;
    let rate = this.rates.get(entity);
    if (!rate) this.rates.set(entity, (rate = new DecayingRate()));
    rate.record(rows, ms);
  }
}
