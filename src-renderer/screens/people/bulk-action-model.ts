/**
 * The bulk action form of the People list as data: which action, its fields, what is missing
 * (in words, for the field it concerns), and the `BulkActionInput` it makes. Pure, so the rules
 * are tested without a browser.
 */
import type { BulkActionInput } from '../../../src-preload/contract';

export type BulkActionKind =
  'add_role' | 'remove_role' | 'add_assignment' | 'remove_assignment' | 'set_expiry' | 'set_access' | 'deactivate';

export const BULK_ACTION_OPTIONS: { value: BulkActionKind; label: string }[] = [
  { value: 'add_role', label: 'Add a profile role' },
  { value: 'remove_role', label: 'Remove a profile role' },
  { value: 'add_assignment', label: 'Add a program assignment' },
  { value: 'remove_assignment', label: 'Remove a program assignment' },
  { value: 'set_expiry', label: 'Set the access expiry' },
  { value: 'set_access', label: 'Set the access type or status' },
  { value: 'deactivate', label: 'Deactivate' },
];

export interface BulkActionFormState {
  kind: BulkActionKind;
  roleId: string | null;
  programId: string | null;
  /** `YYYY-MM-DD`, or empty to remove the expiry. */
  expiresOn: string;
  accessType: string | null;
  status: 'Active' | 'Inactive' | 'Pending' | null;
}

export const EMPTY_BULK_ACTION: BulkActionFormState = {
  kind: 'add_role',
  roleId: null,
  programId: null,
  expiresOn: '',
  accessType: null,
  status: null,
};

export type BulkActionErrors = Partial<Record<'roleId' | 'programId' | 'expiresOn' | 'access', string>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What stops the form from being added, by field; empty when it is complete. */
export function bulkActionErrors(s: BulkActionFormState): BulkActionErrors {
  const errors: BulkActionErrors = {};
  const needsRole = s.kind === 'add_role' || s.kind === 'remove_role' || s.kind.endsWith('_assignment');
  if (needsRole && !s.roleId) errors.roleId = 'Pick the role.';
  if (s.kind.endsWith('_assignment') && !s.programId) errors.programId = 'Pick the program.';
  if (s.kind === 'set_expiry' && s.expiresOn !== '' && !DAY.test(s.expiresOn))
    errors.expiresOn = 'Write the date as YYYY-MM-DD, or leave it empty to remove the expiry.';
  if (s.kind === 'set_access' && !s.accessType && !s.status) errors.access = 'Pick an access type, a status, or both.';
  return errors;
}

/** The action to send; call it only when `bulkActionErrors` is empty. */
export function toBulkAction(s: BulkActionFormState): BulkActionInput {
  const roleId = Number(s.roleId);
  const programId = Number(s.programId);
  switch (s.kind) {
    case 'add_role':
    case 'remove_role':
      return { kind: s.kind, roleId };
    case 'add_assignment':
    case 'remove_assignment':
      return { kind: s.kind, programId, roleId };
    case 'set_expiry':
      return { kind: 'set_access', expiresOn: s.expiresOn };
    case 'set_access':
      return {
        kind: 'set_access',
        ...(s.accessType ? { accessType: s.accessType } : {}),
        ...(s.status ? { status: s.status } : {}),
      };
    case 'deactivate':
      return { kind: 'deactivate' };
  }
}
