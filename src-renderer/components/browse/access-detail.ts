/**
 * An access-change detail as SmartSimple logs it, in words: ",14543," (a role list) becomes the
 * role names; "sf_Access Type: 0 -> 1" becomes "Access type: No access -> User".
 */
import { ACCESS_TYPE_LABELS, USER_TYPE_LABELS } from './person-badges';

const VALUE_WORDS: Record<string, Record<string, string>> = {
  'Access Type': ACCESS_TYPE_LABELS,
  'User Type': USER_TYPE_LABELS,
  'Is External': { '1': 'External', '0': 'Internal' },
};

const fieldWords = (field: string) => field.replace(/^(sf|cf)_/, '');
const lower = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

export function roleListWords(list: string, roleName: (id: number) => string | undefined): string | null {
  const ids = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (ids.length === 0 || !ids.every((s) => /^\d+$/.test(s))) return null;
  return ids.map((id) => roleName(Number(id)) ?? `a role no longer listed (${id})`).join(', ');
}

export function accessDetailWords(detail: string | null, roleName: (id: number) => string | undefined): string {
  if (detail === null || detail.trim() === '') return '—';
  const roles = roleListWords(detail, roleName);
  if (roles !== null) return roles;
  const change = /^\s*([^:]+):\s*(.*?)\s*->\s*(.*?)\s*$/.exec(detail);
  if (change) {
    const field = fieldWords(change[1] as string);
    const words = VALUE_WORDS[field];
    const value = (v: string) => {
      const bare = v.replace(/^"|"$/g, '');
      return words?.[bare] ?? roleListWords(bare, roleName) ?? (bare === '' ? '(empty)' : bare);
    };
    return `${lower(field)}: ${value(change[2] as string)} -> ${value(change[3] as string)}`;
  }
  return detail;
}

/** A wire field's value in words where SmartSimple stores a code ("1" access type -> "User"). */
export function fieldValueWords(field: string, value: string): string {
  return VALUE_WORDS[fieldWords(field)]?.[value] ?? value;
}
