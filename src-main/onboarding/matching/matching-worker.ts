/**
 * The matching worker thread: builds the entity-resolution index of an instance's people (seconds
 * on a thousand people: blocking keys, the model estimated by EM) and matches documents against
 * it, so the main process never waits on it. It keeps one index per instance for the state of the
 * mirror it was built from (the digest); a request for another state without the people is
 * answered "send the people". One request at a time: {id, ...} in, {id, result} or {id, error} out.
 */
import { parentPort, threadId } from 'node:worker_threads';
import type { MirrorIndex } from '../../ai/resolve';
import type { MirrorPersonFields } from '../../ai/resolve/mirror-records';
import { mirrorIndex, resolvePerson, type Fields } from '../resolution';

export interface MatchRequest {
  instanceId: string;
  digest: string;
  /** Sent only when the worker asked for them (it has no index for this digest). */
  people?: MirrorPersonFields[];
  /** The document's fields; none: only build the index (warming up while the administrator picks files). */
  fields?: Fields;
}
export type MatchAnswer =
  { needPeople: true } | { needPeople: false; resolution: ReturnType<typeof resolvePerson> | null; threadId: number };

const held = new Map<string, { digest: string; people: MirrorPersonFields[]; index: MirrorIndex | undefined }>();

export function answer(req: MatchRequest): MatchAnswer {
  let state = held.get(req.instanceId);
  if (state?.digest !== req.digest) {
    if (!req.people) return { needPeople: true };
    state = {
      digest: req.digest,
      people: req.people,
      index: req.people.length > 0 ? mirrorIndex(req.people) : undefined,
    };
    held.delete(req.instanceId);
    held.set(req.instanceId, state);
    while (held.size > 4) held.delete(held.keys().next().value as string);
  }
  const resolution = req.fields ? resolvePerson(req.fields, state.people, state.index) : null;
  return { needPeople: false, resolution, threadId };
}

parentPort?.on('message', (m: { id: number; request: MatchRequest }) => {
  try {
    parentPort?.postMessage({ id: m.id, result: answer(m.request) });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    parentPort?.postMessage({ id: m.id, error: { name: e.name, message: e.message } });
  }
});
