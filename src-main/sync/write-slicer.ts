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

export class WriteSlicer {
  private readonly msPerRow = new Map<SyncEntity, number>();

  constructor(private readonly targetMs = 20) {}

  /** Rows for the next slice of `entity`. */
  size(entity: SyncEntity): number {
    const rate = this.msPerRow.get(entity);
    if (rate === undefined) return INITIAL_ROWS[entity];
    return Math.min(10_000, Math.max(25, Math.floor(this.targetMs / Math.max(rate, 1e-4))));
  }

  /** How long a slice of `rows` took. */
  record(entity: SyncEntity, rows: number, ms: number): void {
    // Tiny slices say more about fixed costs than about rows.
    if (rows < 20) return;
    const rate = ms / rows;
    const prev = this.msPerRow.get(entity);
    this.msPerRow.set(entity, prev === undefined ? rate : prev * 0.7 + rate * 0.3);
  }
}
