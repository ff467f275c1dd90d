/**
 * Field definitions of the record types, i.e. every `sf_`/`cf_` name a function may list, and
 * how each reads. Decisions: `sf_Updated By`/`sf_Created By` carry user ids; `sf_Status` the
 * status name; `sf_Is External` "1"/"0"; `sf_Access Expiry` a day (`YYYY-MM-DD`).
 */
import type { Company, Person, Program, Transaction } from './model';
import type { InstanceState } from './state';
import { dateField, type FieldDef, numberField, recordTable, type Table, textField } from './table';

type Aliased = FieldDef & { aliases?: readonly string[] };

/** `,1,2,` for unique ids (the wire's comma-wrapped list), "" for none. */
const idList = (ids: readonly number[]): string => (ids.length === 0 ? '' : `,${ids.join(',')},`);

export function userTable(state: InstanceState): Table {
  const people = state.data.people;
  const at = (row: number): Person => people[row] as Person;
  const customId = (name: string): string[] => {
    const f = state.data.customFields.find((c) => c.name === name);
    return f ? [`cf_${f.id}`] : [];
  };
  const fields: Aliased[] = [
    numberField('sf_User ID', (r) => at(r).id),
    textField('sf_First Name', (r) => at(r).firstName),
    textField('sf_Last Name', (r) => at(r).lastName),
    textField('sf_Email', (r) => at(r).email),
    textField('sf_Title', (r) => at(r).title),
    textField('sf_Phone', (r) => at(r).phone),
    numberField('sf_Company ID', (r) => at(r).companyId),
    textField('sf_Company', (r) => state.company(at(r).companyId, true)?.name ?? ''),
    textField('sf_Is External', (r) => (at(r).isExternal ? '1' : '0')),
    // roleIds are kept unique and sorted, so the comma-wrapped list is a plain join (hot in List).
    { ...textField('sf_User Role', (r) => idList(at(r).roleIds)), aliases: ['sf_Role ID List'] },
    textField('sf_Access Type', (r) => at(r).accessType),
    textField('sf_User Type', (r) => at(r).userType),
    textField('sf_Status', (r) => at(r).status),
    dateField('sf_Access Expiry', (r) => at(r).accessExpiry, 'day'),
    dateField('sf_Last Login', (r) => at(r).lastLogin),
    dateField('sf_Last Updated', (r) => at(r).lastUpdated),
    numberField('sf_Updated By', (r) => at(r).updatedBy),
    dateField('sf_Created Date', (r) => at(r).created),
    numberField('sf_Created By', (r) => at(r).createdBy),
    { ...textField('cf_Department', (r) => at(r).department), aliases: customId('Department') },
    { ...textField('cf_Employee Number', (r) => at(r).employeeNumber), aliases: customId('Employee Number') },
    { ...numberField('cf_Manager ID', (r) => at(r).managerId), aliases: customId('Manager ID') },
  ];
  return recordTable(
    'user',
    () => people,
    (p) => !p.deleted,
    fields,
    () => state.version(),
  );
}

export function companyTable(state: InstanceState): Table {
  const companies = state.data.companies;
  const at = (row: number): Company => companies[row] as Company;
  const fields: Aliased[] = [
    numberField('sf_Company ID', (r) => at(r).id),
    textField('sf_Name', (r) => at(r).name),
    numberField('sf_Parent Company ID', (r) => at(r).parentId),
    textField('sf_Parent Company', (r) => {
      const parentId = at(r).parentId;
      return parentId === null ? '' : (state.company(parentId, true)?.name ?? '');
    }),
    textField('sf_Is External', (r) => (at(r).isExternal ? '1' : '0')),
    textField('sf_Status', (r) => at(r).status),
    textField('sf_Category List', (r) => idList(at(r).categoryIds)),
    textField('sf_Phone', (r) => at(r).phone),
    textField('sf_Web Site', (r) => at(r).website),
    dateField('sf_Last Updated', (r) => at(r).lastUpdated),
    numberField('sf_Last Updated By', (r) => at(r).updatedBy),
    dateField('sf_Created Date', (r) => at(r).created),
    numberField('sf_Created By', (r) => at(r).createdBy),
  ];
  return recordTable(
    'company',
    () => companies,
    (c) => !c.deleted,
    fields,
    () => state.version(),
  );
}

export function programTable(state: InstanceState): Table {
  const programs = state.data.programs;
  const at = (row: number): Program => programs[row] as Program;
  const fields: Aliased[] = [
    numberField('sf_Level One ID', (r) => at(r).id),
    textField('sf_Name', (r) => at(r).name),
    textField('sf_Status', (r) => at(r).status),
    textField('sf_Type', (r) => at(r).type),
    numberField('sf_Owner ID', (r) => at(r).ownerId),
    textField('sf_Owner', (r) => {
      const owner = state.person(at(r).ownerId, true);
      return owner ? `${owner.firstName} ${owner.lastName}` : '';
    }),
    dateField('sf_Created Date', (r) => at(r).created),
    dateField('sf_Last Updated', (r) => at(r).lastUpdated),
  ];
  return recordTable(
    'levelone',
    () => programs,
    (p) => !p.deleted,
    fields,
    () => state.version(),
  );
}

export function transactionTable(state: InstanceState): Table {
  const transactions = state.data.transactions;
  const at = (row: number): Transaction => transactions[row] as Transaction;
  const fields: Aliased[] = [
    numberField('sf_Transaction ID', (r) => at(r).id),
    numberField('sf_Object ID', (r) => at(r).objectId),
    textField('sf_Type', (r) => at(r).type),
    textField('sf_Subject', (r) => at(r).subject),
    textField('sf_Description', (r) => at(r).description),
    textField('sf_Source', (r) => at(r).source),
    dateField('sf_Created Date', (r) => at(r).created),
    numberField('sf_Created By', (r) => at(r).createdBy),
    dateField('sf_Modified Date', (r) => at(r).lastUpdated),
  ];
  return recordTable(
    'transactions',
    () => transactions,
    () => true,
    fields,
    () => state.version(),
  );
}
