/**
 * Keeps a sandbox instance's changes in a file, so what an administrator applied to the built-in
 * sandbox survives a restart. Saves are throttled (at most one per `delayMs`, always within
 * `delayMs` of a change) and atomic (a temp file renamed over the old one); a file that cannot be
 * read as a snapshot of this sandbox is logged, moved aside, and the seed is used instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../log/logger';
import type { InstanceData } from './model';
import { applySnapshot, snapshotProblem, takeSnapshot, type InstanceSnapshot } from './snapshot';

export interface SeedFacts {
  seed: number;
  people: number;
  /** Access log rows right after generation. */
  accessRows: number;
}

function moveAside(file: string, problem: string, logger: Logger): void {
  const aside = `${file}.invalid-${Date.now()}`;
  try {
    fs.renameSync(file, aside);
  } catch (e) {
    logger.warn('could not move the sandbox state aside', { error: e });
  }
  logger.warn('sandbox state ignored, starting from the seed', { problem, movedTo: path.basename(aside) });
}

/** The parsed file, or undefined when there is none or it is not JSON (then moved aside). Never throws. */
export function readSnapshotFile(file: string, logger: Logger): { value: unknown } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn('sandbox state unreadable', { error: e });
    return undefined;
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    moveAside(file, `not JSON: ${(e as Error).message}`, logger);
    return undefined;
  }
}

/** Puts the parsed file over `data` when it is a snapshot of this sandbox, else moves it aside. */
export function acceptSnapshot(file: string, value: unknown, data: InstanceData, seed: SeedFacts, logger: Logger) {
  const problem = snapshotProblem(value, seed);
  if (problem !== undefined) {
    moveAside(file, problem, logger);
    return false;
  }
  applySnapshot(data, value as InstanceSnapshot);
  logger.info('sandbox state loaded', { people: data.people.length });
  return true;
}

/** Writes atomically: a reader sees the old file or the new one, never half of one. */
export function writeSnapshotFile(file: string, snapshot: InstanceSnapshot): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(snapshot));
  fs.renameSync(tmp, file);
}

export interface SnapshotSaver {
  /** A change happened: save soon. */
  changed(): void;
  /** Saves now if a change is pending (on close). */
  flush(): void;
  /** Drops a pending save (the state is being reset). */
  cancel(): void;
}

export function createSnapshotSaver(
  file: string,
  data: InstanceData,
  seed: SeedFacts,
  logger: Logger,
  delayMs = 500,
): SnapshotSaver {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    timer = undefined;
    try {
      writeSnapshotFile(file, takeSnapshot(data, seed));
    } catch (e) {
      logger.warn('could not save the sandbox state', { error: e });
    }
  };
  return {
    changed() {
      if (timer) return;
      timer = setTimeout(save, delayMs);
      timer.unref?.();
    },
    flush() {
      if (!timer) return;
      clearTimeout(timer);
      save();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
