/** The mirror's index is built once per state of the mirror: again when anyone changes, not otherwise. */
import { describe, expect, it } from 'vitest';
import type { MirrorPersonFields } from '../ai/resolve/mirror-records';
import type { MirrorService } from '../mirror/mirror-service';
import { createMatchingCache } from './proposal';

const person = (id: number, lastName: string): MirrorPersonFields => ({
  id,
  firstName: 'Ana',
  lastName,
  email: `p${id}@example.org`,
  phone: null,
  title: 'Officer',
  organization: 'Org',
  department: null,
});

describe('the matching cache', () => {
  it('keeps the index while the people are the same, per instance, and builds it again after a change', () => {
    let people = Array.from({ length: 40 }, (_, i) => person(i + 1, `Name${i}`));
    const mirror = { peopleForMatching: () => people.map((p) => ({ ...p })) } as unknown as MirrorService;
    const matching = createMatchingCache(2);
    const first = matching({ mirror }, 'a');
    expect(first.index).toBeDefined();
    expect(matching({ mirror }, 'a').index).toBe(first.index);
    // Another instance has its own.
    const other = matching({ mirror }, 'b');
    expect(other.index).not.toBe(first.index);
    expect(matching({ mirror }, 'a').index).toBe(first.index);
    // One surname changes (a sync, an apply): a new index.
    people = people.map((p) => (p.id === 7 ? { ...p, lastName: 'Changed' } : p));
    const after = matching({ mirror }, 'a');
    expect(after.index).not.toBe(first.index);
    expect(matching({ mirror }, 'a').index).toBe(after.index);
    // An empty mirror has no index.
    people = [];
    expect(matching({ mirror }, 'a').index).toBeUndefined();
  });
});
