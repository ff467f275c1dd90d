import { describe, expect, it } from 'vitest';
import { summarizeChanges } from './change-summary';
import type { InstanceCatalogue } from './planning-context';

const catalogue: InstanceCatalogue = {
  roles: new Map([
    [7, { id: 7, name: 'Payment Approver', utaOnly: false, privileged: true }],
    [8, { id: 8, name: 'Report Viewer', utaOnly: false, privileged: false }],
    [9, { id: 9, name: 'Reviewer', utaOnly: true, privileged: false }],
  ]),
  programs: new Map([[500, 'Arts Access']]),
};

describe('summarizeChanges', () => {
  it('counts each kind of change by people, in words, most first', () => {
    const changes = summarizeChanges(
      [
        {
          personId: 1,
          kind: 'deactivate',
          before: { 'sf_Access Type': '1', sf_Status: 'Active', 'sf_User Role': ',7,8,' },
          after: { 'sf_Access Type': '0', sf_Status: 'Inactive', 'sf_User Role': ',8,' },
        },
        {
          personId: 2,
          kind: 'deactivate',
          before: { 'sf_Access Type': '1', sf_Status: 'Active' },
          after: { 'sf_Access Type': '0', sf_Status: 'Inactive' },
        },
        { personId: 3, kind: 'add_assignment', before: { 'UTA 500:9': '0' }, after: { 'UTA 500:9': '1' } },
        {
          personId: 3,
          kind: 'set_access',
          before: { 'sf_Access Expiry': '2030-01-01' },
          after: { 'sf_Access Expiry': null },
        },
        { personId: null, kind: 'create_person', before: {}, after: { sf_Email: 'a@b.org' } },
        { personId: null, kind: 'create_person', before: {}, after: { sf_Email: 'c@d.org' } },
      ],
      catalogue,
    );
    expect(changes).toEqual([
      { label: 'Access Type -> No access', people: 2 },
      { label: 'Create a new person', people: 2 },
      { label: 'Status -> Inactive', people: 2 },
      { label: 'Assign Reviewer on Arts Access', people: 1 },
      { label: 'Clear Access Expiry', people: 1 },
      { label: 'Remove profile role Payment Approver', people: 1 },
    ]);
  });
});
