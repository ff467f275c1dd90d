/**
 * The sandbox instance's data. Ids are numbers inside and strings on the wire; times are epoch
 * milliseconds on records (the logs keep seconds, see log-store.ts). Everything a real instance
 * would not expose (login habits, planted flags) sits apart from the wire fields so it cannot leak
 * through a function's field list by accident.
 */
import { ACCESS_TYPES, USER_TYPES } from '../protocol';
import type { AccessLog, SessionLog } from './log-store';

export interface Company {
  id: number;
  name: string;
  /** null only for the root organization. */
  parentId: number | null;
  isExternal: boolean;
  status: string;
  categoryIds: number[];
  phone: string;
  website: string;
  created: number;
  createdBy: number;
  lastUpdated: number;
  updatedBy: number;
  deleted: boolean;
}

/** How a person logs in; drives the generated sessions and the off-hours ground truth. */
export interface LoginHabits {
  /** Minutes east of UTC. */
  tzOffsetMin: number;
  /** Local working hours [workStart, workEnd), whole hours. */
  workStart: number;
  workEnd: number;
  weekdaysOnly: boolean;
  /** Usual IPv4 addresses as uint32, most used first. */
  ips: number[];
  /** Index into the user-agent table. */
  ua: number;
}

export interface Person {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  phone: string;
  companyId: number;
  isExternal: boolean;
  /** Profile roles, ascending. */
  roleIds: number[];
  accessType: string;
  userType: string;
  status: string;
  accessExpiry: number | null;
  lastLogin: number | null;
  created: number;
  createdBy: number;
  lastUpdated: number;
  updatedBy: number;
  department: string | null;
  employeeNumber: string | null;
  managerId: number | null;
  deleted: boolean;
  /** Set when the person was soft-deleted along with their company (restore brings them back). */
  deletedWithCompany: number | null;
  habits: LoginHabits;
}

/** A person with every field empty or at its default (no access, plain user, Active). */
export function blankPerson(): Person {
  return {
    id: 0,
    firstName: '',
    lastName: '',
    email: '',
    title: '',
    phone: '',
    companyId: 0,
    isExternal: false,
    roleIds: [],
    accessType: ACCESS_TYPES.none,
    userType: USER_TYPES.user,
    status: 'Active',
    accessExpiry: null,
    lastLogin: null,
    created: 0,
    createdBy: 0,
    lastUpdated: 0,
    updatedBy: 0,
    department: null,
    employeeNumber: null,
    managerId: null,
    deleted: false,
    deletedWithCompany: null,
    habits: { tzOffsetMin: 0, workStart: 9, workEnd: 17, weekdaysOnly: true, ips: [], ua: 0 },
  };
}

export interface Role {
  id: number;
  name: string;
  description: string;
  utaOnly: boolean;
  privileged: boolean;
}

export interface Program {
  id: number;
  name: string;
  status: string;
  type: string;
  ownerId: number;
  created: number;
  lastUpdated: number;
  updatedBy: number;
  deleted: boolean;
}

/** A contact's UTA role on one Level 1 record. Removed associations stay with `removed` set. */
export interface Association {
  id: number;
  objectId: number;
  contactId: number;
  roleId: number;
  removed: boolean;
}

export interface Transaction {
  id: number;
  objectId: number;
  type: string;
  subject: string;
  description: string;
  source: string;
  created: number;
  createdBy: number;
  lastUpdated: number;
  updatedBy: number;
}

export interface Category {
  id: number;
  name: string;
}

export interface CustomField {
  id: number;
  /** Name without the `cf_` prefix. */
  name: string;
  type: string;
}

export interface ApiAccount {
  personId: number;
  username: string;
  password: string;
}

/** Everything generateInstance produces; the server wraps it in an InstanceState and mutates it. */
export interface InstanceData {
  seed: number;
  alias: string;
  rootCompanyId: number;
  /** Generation time: the logs end here. */
  now: number;
  /** Start of the log window. */
  logStart: number;
  companies: Company[];
  people: Person[];
  roles: Role[];
  programs: Program[];
  associations: Association[];
  transactions: Transaction[];
  categories: Category[];
  customFields: CustomField[];
  sessions: SessionLog;
  accessLog: AccessLog;
  apiAccount: ApiAccount;
  /** Next free ids; creates take them and move them on. */
  nextIds: { person: number; company: number; association: number; transaction: number };
}
