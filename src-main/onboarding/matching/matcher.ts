/**
 * Who a document is about, against the mirror's people: the entity-resolution index is built once
 * per state of the mirror (a digest of the people as the engine compares them, so a sync or an
 * apply that changes anyone builds it again, and nothing else does), and each document is matched
 * against it. Building costs seconds on a thousand people, matching milliseconds.
 *
 * Two places to do it: in this thread (tests, `desk`) or in the matching worker (the app), so the
 * main process never stalls while an index is built.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { MirrorIndex } from '../../ai/resolve';
import type { MirrorPersonFields } from '../../ai/resolve/mirror-records';
import type { Logger } from '../../log/logger';
import type { MirrorService } from '../../mirror/mirror-service';
import { mirrorIndex, resolvePerson, type Fields } from '../resolution';
import type { MatchAnswer, MatchRequest } from './matching-worker';

export type PersonMatch = ReturnType<typeof resolvePerson>;

/** The mirror's people for one instance, and a way to match a document's fields against them. */
export interface Matching {
  people: MirrorPersonFields[];
  resolve(fields: Fields): Promise<PersonMatch>;
}
type MirrorDeps = { mirror: Pick<MirrorService, 'peopleForMatching'> };
export type MatchingSource = ((deps: MirrorDeps, instanceId: string) => Matching) & {
  /** Builds the index ahead of the first document (in the worker; absent in this thread). */
  warm?: (deps: MirrorDeps, instanceId: string) => Promise<void>;
};

export function digestOf(people: readonly MirrorPersonFields[]): string {
  const hash = createHash('sha256');
  for (const p of people)
    hash.update(
      [p.id, p.firstName, p.lastName, p.email, p.phone, p.title, p.organization, p.department].join('\u0000') + '\n',
    );
  return hash.digest('hex');
}

/** Matching in this thread, with the last `size` indexes kept (one per instance). */
export function inlineMatching(size = 4): MatchingSource & { indexOf(instanceId: string): MirrorIndex | undefined } {
  const cache = new Map<string, { digest: string; index: MirrorIndex | undefined }>();
  const source = (deps: Parameters<MatchingSource>[0], instanceId: string): Matching => {
    const people = deps.mirror.peopleForMatching(instanceId);
    const digest = digestOf(people);
    let hit = cache.get(instanceId);
    if (hit?.digest !== digest) {
      hit = { digest, index: people.length > 0 ? mirrorIndex(people) : undefined };
      cache.delete(instanceId);
      cache.set(instanceId, hit);
      while (cache.size > size) cache.delete(cache.keys().next().value as string);
    }
    const index = hit.index;
    return { people, resolve: async (fields) => resolvePerson(fields, people, index) };
  };
  return Object.assign(source, { indexOf: (instanceId: string) => cache.get(instanceId)?.index });
}

function workerSource(): { url: URL; entry?: string } {
  const compiled = new URL('./matching-worker.js', import.meta.url);
  if (compiled.protocol === 'file:' && fs.existsSync(fileURLToPath(compiled))) return { url: compiled };
  // From source (tests, tsx): intake's boot file registers the TypeScript loader, then loads the entry.
  return {
    url: new URL('../../intake/worker/worker-boot.mjs', import.meta.url),
    entry: new URL('./matching-worker.ts', import.meta.url).href,
  };
}

/** Matching in the matching worker thread (started on first use, kept while the app runs). */
export function workerMatching(
  logger?: Logger,
): MatchingSource & { close(): Promise<void>; lastThreadId(): number | null; peopleSent(): number } {
  let worker: Worker | null = null;
  let lastThread: number | null = null;
  let sent = 0;
  let nextId = 1;
  const pending = new Map<number, { resolve: (a: MatchAnswer) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const start = () => {
    const source = workerSource();
    const w = new Worker(source.url, { workerData: source.entry ? { entry: source.entry } : {} });
    w.unref();
    w.on('message', (m: { id: number; result?: MatchAnswer; error?: { message: string } }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) p?.reject(new Error(m.error.message));
      else p?.resolve(m.result as MatchAnswer);
    });
    w.on('error', (e) => {
      logger?.error('matching worker failed', { error: e });
      failAll(new Error(`Matching the person stopped unexpectedly (${e.message}).`));
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll(new Error('Matching the person stopped before it finished.'));
    });
    return w;
  };
  const ask = (request: MatchRequest) =>
    new Promise<MatchAnswer>((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      if (request.people) sent++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, request });
    });
  const source = (deps: Parameters<MatchingSource>[0], instanceId: string): Matching => {
    const people = deps.mirror.peopleForMatching(instanceId);
    const digest = digestOf(people);
    return {
      people,
      async resolve(fields) {
        let a = await ask({ instanceId, digest, fields });
        if (a.needPeople) a = await ask({ instanceId, digest, fields, people });
        if (a.needPeople || !a.resolution) throw new Error('The matching worker did not take the people.');
        lastThread = a.threadId;
        return a.resolution;
      },
    };
  };
  // At most one warm-up a minute per instance: reading the people costs a little on a big mirror.
  const warmed = new Map<string, number>();
  return Object.assign(source, {
    async warm(deps: Parameters<MatchingSource>[0], instanceId: string) {
      const last = warmed.get(instanceId) ?? 0;
      if (Date.now() - last < 60_000) return;
      warmed.set(instanceId, Date.now());
      const people = deps.mirror.peopleForMatching(instanceId);
      const digest = digestOf(people);
      const a = await ask({ instanceId, digest });
      if (a.needPeople) await ask({ instanceId, digest, people });
    },
    lastThreadId: () => lastThread,
    peopleSent: () => sent,
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  });
}
