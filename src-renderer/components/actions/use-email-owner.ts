/**
 * Who in the mirror already has an e-mail address (other than `selfId`): a new person or a changed
 * e-mail that someone else has is said at the field, with a link to them. SmartSimple detects
 * duplicates by e-mail, and apply never creates a second person with one.
 */
import { useDebouncedValue } from '@mantine/hooks';
import type { PersonRow } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function useEmailOwner(instanceId: string, email: string, selfId?: number): PersonRow | null {
  const [debounced] = useDebouncedValue(email.trim().toLowerCase(), 250);
  const enabled = LOOKS_LIKE_EMAIL.test(debounced) && debounced.length <= 200;
  const found = useApiQuery(
    'people:search',
    { instanceId, query: enabled ? debounced : '', limit: 20 },
    { enabled, meta: { silent: true } },
  );
  if (!enabled || debounced !== email.trim().toLowerCase()) return null;
  return (
    found.data?.rows.find((p) => !p.removed && p.id !== selfId && p.email.trim().toLowerCase() === debounced) ?? null
  );
}
