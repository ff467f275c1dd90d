/** The troubleshooter's view of the mirror: the facts every check reads, gathered once per run. */
import type { OperationInput } from '../plans/types';
import type { HelpdeskCheck } from '../../src-preload/contract';

export interface SubjectPerson {
  id: number;
  /** The mirror's person key (the access log is indexed by it). */
  key: number;
  firstName: string;
  lastName: string;
  email: string;
  companyId: number | null;
  isExternal: boolean;
  roleIds: number[];
  accessType: string | null;
  userType: string | null;
  status: string | null;
  /** `YYYY-MM-DD` (or with a time), as the mirror keeps it. */
  accessExpiry: string | null;
  /** When a sync found the person removed on the server. */
  removedAt: string | null;
}

export interface SubjectOrganization {
  id: number;
  name: string;
  isExternal: boolean;
  status: string | null;
  removedAt: string | null;
}

export interface SubjectProgram {
  id: number;
  name: string;
  status: string | null;
  removedAt: string | null;
}

export interface RoleFacts {
  id: number;
  name: string;
  utaOnly: boolean;
  privileged: boolean | null;
  removed: boolean;
}

/** A person's UTA role on a program. */
export interface Part {
  associationId: number;
  roleId: number;
}

/** How many live holders of a program part there are, and how many of them are external. */
export interface RoleSide {
  roleId: number;
  total: number;
  external: number;
}

export interface LockEvent {
  action: 'locked' | 'unlocked' | 'password_reset';
  detail: string | null;
  at: string;
}

/** The part to offer someone with none (or the wrong one) on a program: what their side plays there. */
export interface SuggestedPart {
  roleId: number;
  name: string;
  /** People of the same side holding it on this program (0 when taken from other programs). */
  peers: number;
  where: 'program' | 'instance';
}

export type SubjectTarget =
  | { kind: 'portal' }
  | { kind: 'role'; role: RoleFacts }
  | {
      kind: 'program';
      program: SubjectProgram;
      parts: Part[];
      /** The part for the person's side, when one can be told. */
      suggestedPart: SuggestedPart | null;
    };

/** Everything the checks read. */
export interface Subject {
  person: SubjectPerson;
  organization: SubjectOrganization | null;
  roles: ReadonlyMap<number, RoleFacts>;
  roleSides: ReadonlyMap<number, RoleSide>;
  lock: LockEvent | null;
  target: SubjectTarget;
  now: Date;
  /** Days a passed expiry is extended by (from today). */
  expiryDays: number;
}

/** A check's result with the operations that fix it (inputs for the normal plan builders). */
export interface CheckOutcome extends Omit<HelpdeskCheck, 'operations'> {
  operations: { description: string; input: OperationInput }[];
}
