/**
 * The People filters as the form holds them, and their translation to `people:search` filters.
 * Kept pure so the rules (what "within 30 days" means, what counts as a filter) are testable.
 */
import type { PeopleFiltersInput, PeopleViewFilters } from '../../../src-preload/contract';
import { wireDateDaysAgo } from '../../lib/format';

export type LastLoginMode = 'any' | 'never' | 'within' | 'notWithin' | 'before';

/**
 * The filters as the form holds them: `lastLoginDays` for "within" and "not within", and
 * `lastLoginBefore` (`YYYY-MM-DD`) for "before"; `department` is an exact name. The same shape a
 * saved view keeps (the contract's), so a view stores the form and relative dates stay relative.
 */
export type PeopleFilterState = PeopleViewFilters;

export const EMPTY_FILTERS: PeopleFilterState = {
  roleId: null,
  organizationId: null,
  includeSubOrganizations: true,
  accessType: null,
  status: null,
  kind: 'all',
  lastLogin: 'any',
  lastLoginDays: 30,
  lastLoginBefore: '',
  department: '',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function toApiFilters(s: PeopleFilterState, now = new Date()): PeopleFiltersInput {
  const f: PeopleFiltersInput = {};
  if (s.roleId !== null) f.roleId = s.roleId;
  if (s.organizationId !== null) {
    f.organizationId = s.organizationId;
    if (s.includeSubOrganizations) f.includeSubOrganizations = true;
  }
  if (s.accessType) f.accessType = s.accessType;
  if (s.status) f.status = s.status;
  if (s.kind !== 'all') f.isExternal = s.kind === 'external';
  if (s.department.trim()) f.department = s.department.trim();
  const days = Math.max(0, Math.floor(s.lastLoginDays));
  if (s.lastLogin === 'never') f.lastLogin = { never: true };
  // Whole days: the key of the search stays the same all day, and so does its cache.
  else if (s.lastLogin === 'within') f.lastLogin = { after: wireDateDaysAgo(days, now) };
  else if (s.lastLogin === 'notWithin') f.lastLogin = { before: wireDateDaysAgo(days, now) };
  else if (s.lastLogin === 'before' && DATE.test(s.lastLoginBefore)) f.lastLogin = { before: s.lastLoginBefore };
  return f;
}

/** How many filters narrow the list (the sub-organizations switch is part of the organization). */
export function activeFilterCount(s: PeopleFilterState): number {
  return Object.keys(toApiFilters(s)).filter((k) => k !== 'includeSubOrganizations').length;
}

export const LAST_LOGIN_OPTIONS: { value: LastLoginMode; label: string }[] = [
  { value: 'any', label: 'Any time' },
  { value: 'never', label: 'Never logged in' },
  { value: 'within', label: 'Within the last N days' },
  { value: 'notWithin', label: 'Not in the last N days' },
  { value: 'before', label: 'Before a date' },
];

export const ACCESS_TYPE_OPTIONS = [
  { value: '1', label: 'User' },
  { value: '5', label: 'API' },
  { value: '0', label: 'No access' },
];

/** The statuses SmartSimple ships with; an instance may add its own, which still show in rows. */
export const STATUS_OPTIONS = ['Active', 'Inactive', 'Pending'];
