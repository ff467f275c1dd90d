/**
 * Wire records as SmartConnect sends them, for tests of the writers and queries that do not need
 * a server: string values, comma-wrapped role lists, null for empty custom fields.
 */
import type { WireRecord } from '../../smartsimple/protocol';

export function personRecord(id: number, over: Partial<Record<string, string | null>> = {}): WireRecord {
  return {
    recordid: String(id),
    'sf_User ID': String(id),
    'sf_First Name': `First${id}`,
    'sf_Last Name': `Last${id}`,
    sf_Email: `person${id}@example.org`,
    sf_Title: 'Grants Officer',
    sf_Phone: '+1-555-200-0000',
    'sf_Company ID': '10',
    sf_Company: 'Root',
    'sf_Is External': '0',
    'sf_User Role': '',
    'sf_Access Type': '1',
    'sf_User Type': '10',
    sf_Status: 'Active',
    'sf_Access Expiry': '',
    'sf_Last Login': '2025-01-02 10:00:00',
    'sf_Last Updated': '2025-01-01 09:00:00',
    'sf_Updated By': '1',
    'sf_Created Date': '2024-01-01 09:00:00',
    'sf_Created By': '1',
    cf_Department: 'Grants Management',
    'cf_Employee Number': null,
    'cf_Manager ID': null,
    ...over,
  } as WireRecord;
}

export function organizationRecord(
  id: number,
  name: string,
  parentId: number | null,
  over: Partial<Record<string, string>> = {},
): WireRecord {
  return {
    recordid: String(id),
    'sf_Company ID': String(id),
    sf_Name: name,
    'sf_Parent Company ID': parentId === null ? '' : String(parentId),
    'sf_Is External': '0',
    sf_Status: 'Active',
    'sf_Last Updated': '2025-01-01 09:00:00',
    ...over,
  };
}

export function roleRecord(id: number, name: string, over: Partial<Record<string, string>> = {}): WireRecord {
  return { 'sf_Role ID': String(id), 'sf_Role Name': name, sf_Description: '', 'sf_UTA Roles Only': '0', ...over };
}

export function programRecord(id: number, name: string, over: Partial<Record<string, string>> = {}): WireRecord {
  return {
    recordid: String(id),
    'sf_Level One ID': String(id),
    sf_Name: name,
    sf_Status: 'Open',
    sf_Type: 'Grant',
    'sf_Owner ID': '',
    'sf_Last Updated': '2025-01-01 09:00:00',
    ...over,
  };
}

export function assignmentRecord(
  id: number,
  programId: number,
  personId: number,
  roleId: number,
  roleName: string,
): WireRecord {
  return {
    recordid: String(id),
    associationid: String(id),
    objectid: String(programId),
    program_name: '',
    contactid: String(personId),
    roleid: String(roleId),
    rolename: roleName,
  };
}

export function sessionRecord(
  id: number,
  userId: number,
  start: string,
  over: Partial<Record<string, string>> = {},
): WireRecord {
  return {
    recordid: String(id),
    sessionid: String(id),
    userid: String(userId),
    session_start: start,
    session_end: start,
    ip: '10.0.0.1',
    user_agent: 'Firefox',
    ...over,
  };
}

export function accessEventRecord(id: number, userId: number, action: string, at: string, detail = ''): WireRecord {
  return {
    recordid: String(id),
    eventid: String(id),
    userid: String(userId),
    action,
    detail,
    changed_by: '1',
    timestamp: at,
  };
}
