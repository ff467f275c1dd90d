/**
 * The mirror's index is built once per state of the mirror (again when anyone changes, not
 * otherwise), and in the app it is built and used in the matching worker, not the main thread:
 * the worker and this thread give the same answer.
 */
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { MirrorPersonFields } from '../../ai/resolve/mirror-records';
import type { MirrorService } from '../../mirror/mirror-service';
import { inlineMatching, workerMatching } from './matcher';

const person = (id: number, lastName: string): MirrorPersonFields => ({
  id,
  firstName: ['Ana', 'Bo', 'Cy', 'Di'][id % 4]!,
  lastName,
  email: `p${id}@example.org`,
  phone: null,
  title: 'Officer',
  organization: 'Org',
  department: null,
});
let people = Array.from({ length: 60 }, (_, i) => person(i + 1, `Surname${i}`));
const mirror = { peopleForMatching: () => people.map((p) => ({ ...p })) } as unknown as MirrorService;

const worker = workerMatching();
afterAll(() => worker.close());

describe('matching against the mirror', () => {
  it('keeps the index while the people are the same, per instance, and builds it again after a change', async () => {
    const matching = inlineMatching(2);
    matching({ mirror }, 'a');
    const first = matching.indexOf('a');
    expect(first).toBeDefined();
    matching({ mirror }, 'a');
    expect(matching.indexOf('a')).toBe(first);
    matching({ mirror }, 'b');
    expect(matching.indexOf('b')).not.toBe(first);
    matching({ mirror }, 'a');
    expect(matching.indexOf('a')).toBe(first);
    // One surname changes (a sync, an apply): a new index.
    const before = people;
    people = people.map((p) => (p.id === 7 ? { ...p, lastName: 'Changed' } : p));
    matching({ mirror }, 'a');
    expect(matching.indexOf('a')).not.toBe(first);
    people = before;
  });

  it('in the app, matches in the worker thread, with the same answer as in this thread', async () => {
    const fields = { firstName: 'Di', lastName: 'Surname2', email: 'p3@example.org' };
    const here = await inlineMatching()({ mirror }, 'i').resolve(fields);
    const there = await worker({ mirror }, 'i').resolve(fields);
    expect(there).toEqual(here);
    expect(there).toMatchObject({ outcome: 'same', personId: 3 });
    expect(worker.lastThreadId()).not.toBeNull();
    expect(worker.lastThreadId()).not.toBe(threadId);
    // The people went once; a second document is matched against the index the worker keeps.
    expect(worker.peopleSent()).toBe(1);
    const other = { firstName: 'Bo', lastName: 'Surname40', email: 'p41@example.org' };
    const again = await worker({ mirror }, 'i').resolve(other);
    expect(again).toEqual(await inlineMatching()({ mirror }, 'i').resolve(other));
    expect(again.personId).toBe(41);
    expect(worker.peopleSent()).toBe(1);
  });

  it('warms up ahead of the first document: the people go while the screen is open, not with the document', async () => {
    const warm = workerMatching();
    try {
      await warm.warm!({ mirror }, 'w');
      expect(warm.peopleSent()).toBe(1);
      const found = await warm({ mirror }, 'w').resolve({
        firstName: 'Di',
        lastName: 'Surname2',
        email: 'p3@example.org',
      });
      expect(found.personId).toBe(3);
      expect(warm.peopleSent()).toBe(1);
      // A second warm-up within the minute does nothing.
      await warm.warm!({ mirror }, 'w');
      expect(warm.peopleSent()).toBe(1);
    } finally {
      await warm.close();
    }
  });
});
