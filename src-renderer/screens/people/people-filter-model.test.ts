import { describe, expect, it } from 'vitest';
import { activeFilterCount, EMPTY_FILTERS, toApiFilters } from './people-filter-model';

const now = new Date(2026, 10, 25, 15, 30);

describe('people filters', () => {
  it('sends nothing for the empty form', () => {
    expect(toApiFilters(EMPTY_FILTERS, now)).toEqual({});
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
  });

  it('sends an organization with its sub-organizations unless switched off', () => {
    expect(toApiFilters({ ...EMPTY_FILTERS, organizationId: 12 }, now)).toEqual({
      organizationId: 12,
      includeSubOrganizations: true,
    });
    expect(toApiFilters({ ...EMPTY_FILTERS, organizationId: 12, includeSubOrganizations: false }, now)).toEqual({
      organizationId: 12,
    });
    expect(activeFilterCount({ ...EMPTY_FILTERS, organizationId: 12 })).toBe(1);
  });

  it('turns last-login choices into whole-day bounds', () => {
    expect(toApiFilters({ ...EMPTY_FILTERS, lastLogin: 'within', lastLoginDays: 30 }, now).lastLogin).toEqual({
      after: '2026-10-26',
    });
    expect(toApiFilters({ ...EMPTY_FILTERS, lastLogin: 'notWithin', lastLoginDays: 7 }, now).lastLogin).toEqual({
      before: '2026-11-18',
    });
    expect(toApiFilters({ ...EMPTY_FILTERS, lastLogin: 'never' }, now).lastLogin).toEqual({ never: true });
    expect(
      toApiFilters({ ...EMPTY_FILTERS, lastLogin: 'before', lastLoginBefore: '2026-01-31' }, now).lastLogin,
    ).toEqual({ before: '2026-01-31' });
    // An unfinished date narrows nothing yet.
    expect(toApiFilters({ ...EMPTY_FILTERS, lastLogin: 'before', lastLoginBefore: '2026-01' }, now)).toEqual({});
  });

  it('maps internal/external and trims the department', () => {
    expect(toApiFilters({ ...EMPTY_FILTERS, kind: 'external', department: ' Finance ' }, now)).toEqual({
      isExternal: true,
      department: 'Finance',
    });
    expect(toApiFilters({ ...EMPTY_FILTERS, kind: 'internal' }, now)).toEqual({ isExternal: false });
  });
});
