/** The intake fields in the administrator's words, in the order the review lists them. */
export const FIELD_LABELS: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  phone: 'Phone',
  title: 'Title',
  organization: 'Organization',
  department: 'Department',
  program: 'Program',
  startDate: 'Start date',
  employeeNumber: 'Employee number',
  managerName: 'Manager',
  requestedRoles: 'Requested roles',
};
export const FIELD_ORDER = Object.keys(FIELD_LABELS);

export const fieldLabel = (name: string) => FIELD_LABELS[name] ?? name.replace(/^cf_/, '').replace(/_/g, ' ');

/** Every field the review shows: the standard ones, then the custom ones the document has. */
export function fieldsShown(present: string[]): string[] {
  return [...FIELD_ORDER, ...present.filter((f) => !FIELD_ORDER.includes(f)).sort()];
}
