import { describe, expect, it } from 'vitest';
import { bulkActionSchema } from '../../../src-preload/contract';
import { bulkActionErrors, EMPTY_BULK_ACTION, toBulkAction, type BulkActionFormState } from './bulk-action-model';

const form = (patch: Partial<BulkActionFormState>): BulkActionFormState => ({ ...EMPTY_BULK_ACTION, ...patch });

describe('the People bulk action form', () => {
  it('names what is missing at its field', () => {
    expect(bulkActionErrors(form({ kind: 'add_role' }))).toEqual({ roleId: 'Pick the role.' });
    expect(bulkActionErrors(form({ kind: 'add_assignment', roleId: '4' }))).toEqual({ programId: 'Pick the program.' });
    expect(bulkActionErrors(form({ kind: 'set_access' }))).toEqual({
      access: 'Pick an access type, a status, or both.',
    });
    expect(bulkActionErrors(form({ kind: 'set_expiry', expiresOn: '31/12/2026' })).expiresOn).toMatch(/YYYY-MM-DD/);
    expect(bulkActionErrors(form({ kind: 'deactivate' }))).toEqual({});
    expect(bulkActionErrors(form({ kind: 'set_expiry', expiresOn: '' }))).toEqual({});
  });

  it('makes the action the plans builders accept', () => {
    const cases: [Partial<BulkActionFormState>, unknown][] = [
      [
        { kind: 'add_role', roleId: '12' },
        { kind: 'add_role', roleId: 12 },
      ],
      [
        { kind: 'remove_role', roleId: '12' },
        { kind: 'remove_role', roleId: 12 },
      ],
      [
        { kind: 'add_assignment', roleId: '4', programId: '90' },
        { kind: 'add_assignment', roleId: 4, programId: 90 },
      ],
      [
        { kind: 'remove_assignment', roleId: '4', programId: '90' },
        { kind: 'remove_assignment', roleId: 4, programId: 90 },
      ],
      [
        { kind: 'set_expiry', expiresOn: '2026-12-31' },
        { kind: 'set_access', expiresOn: '2026-12-31' },
      ],
      [
        { kind: 'set_expiry', expiresOn: '' },
        { kind: 'set_access', expiresOn: '' },
      ],
      [
        { kind: 'set_access', status: 'Inactive' },
        { kind: 'set_access', status: 'Inactive' },
      ],
      [
        { kind: 'set_access', accessType: '0', status: 'Active' },
        { kind: 'set_access', accessType: '0', status: 'Active' },
      ],
      [{ kind: 'deactivate' }, { kind: 'deactivate' }],
    ];
    for (const [patch, expected] of cases) {
      const action = toBulkAction(form(patch));
      expect(action).toEqual(expected);
      expect(bulkActionSchema.safeParse(action).success).toBe(true);
    }
  });
});
