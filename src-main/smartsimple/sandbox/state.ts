/**
 * The live instance the server reads and writes: the generated data plus the indexes every call
 * needs (id -> row), the soft-delete and restore rules, and the log appends that writes cause.
 * Tests get it as `handle.state` for direct reads and for setting up odd cases.
 */
import { ACCESS_TYPES, LOCK_ACTIONS, type AccessAction } from '../protocol';
import type { Association, Company, InstanceData, Person, Program, Role, Transaction } from './model';

export class InstanceState {
  /** Bumped by every mutation; cached query results carry the version they were built at. */
  private mutations = 0;
  private readonly personRow = new Map<number, number>();
  private readonly companyRow = new Map<number, number>();
  private readonly programRow = new Map<number, number>();
  private readonly transactionRow = new Map<number, number>();
  readonly roleById: Map<number, Role>;
  readonly associationsByObject = new Map<number, Association[]>();
  private readonly associationById = new Map<number, Association>();
  private readonly changeListeners = new Set<() => void>();

  constructor(readonly data: InstanceData) {
    data.people.forEach((p, i) => this.personRow.set(p.id, i));
    data.companies.forEach((c, i) => this.companyRow.set(c.id, i));
    data.programs.forEach((p, i) => this.programRow.set(p.id, i));
    data.transactions.forEach((t, i) => this.transactionRow.set(t.id, i));
    this.roleById = new Map(data.roles.map((r) => [r.id, r]));
    // Companies and people are kept in id order: creates take ever larger ids.
    for (const a of data.associations) this.indexAssociation(a);
  }

  get alias(): string {
    return this.data.alias;
  }
  get rootCompanyId(): number {
    return this.data.rootCompanyId;
  }
  version(): number {
    return this.mutations;
  }
  touch(): void {
    this.mutations++;
    for (const listener of this.changeListeners) listener();
  }
  /** Told after every mutation (the built-in sandbox saves its state); returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => void this.changeListeners.delete(listener);
  }

  person(id: number, includeDeleted = false): Person | undefined {
    const row = this.personRow.get(id);
    const p = row === undefined ? undefined : this.data.people[row];
    return p && (includeDeleted || !p.deleted) ? p : undefined;
  }
  company(id: number, includeDeleted = false): Company | undefined {
    const row = this.companyRow.get(id);
    const c = row === undefined ? undefined : this.data.companies[row];
    return c && (includeDeleted || !c.deleted) ? c : undefined;
  }
  program(id: number, includeDeleted = false): Program | undefined {
    const row = this.programRow.get(id);
    const p = row === undefined ? undefined : this.data.programs[row];
    return p && (includeDeleted || !p.deleted) ? p : undefined;
  }
  /** Row index of a visible record, for the read model (tables address rows by index). */
  rowOf(type: 'user' | 'company' | 'levelone' | 'transactions', id: number): number | undefined {
    const rows = {
      user: this.personRow,
      company: this.companyRow,
      levelone: this.programRow,
      transactions: this.transactionRow,
    }[type];
    const row = rows.get(id);
    if (row === undefined) return undefined;
    const record = {
      user: this.data.people,
      company: this.data.companies,
      levelone: this.data.programs,
      transactions: this.data.transactions,
    }[type][row];
    return record && !('deleted' in record && record.deleted) ? row : undefined;
  }
  role(id: number): Role | undefined {
    return this.roleById.get(id);
  }
  roleByName(name: string): Role | undefined {
    const wanted = name.trim().toLowerCase();
    return this.data.roles.find((r) => r.name.toLowerCase() === wanted);
  }

  /** Live (not removed) associations of a Level 1 record, by association id. */
  associationsOf(objectId: number): Association[] {
    return (this.associationsByObject.get(objectId) ?? []).filter((a) => !a.removed);
  }
  association(id: number): Association | undefined {
    const a = this.associationById.get(id);
    return a && !a.removed ? a : undefined;
  }

  /** Would a person still sign in: access type other than No Access, status Active, not expired. */
  hasAccess(p: Person, now: number): boolean {
    return (
      p.accessType !== ACCESS_TYPES.none &&
      p.status === 'Active' &&
      (p.accessExpiry === null || p.accessExpiry > now) &&
      !p.deleted
    );
  }

  addPerson(person: Person): void {
    this.personRow.set(person.id, this.data.people.length);
    this.data.people.push(person);
    this.touch();
  }
  addCompany(company: Company): void {
    this.companyRow.set(company.id, this.data.companies.length);
    this.data.companies.push(company);
    this.touch();
  }
  addTransaction(transaction: Transaction): void {
    this.transactionRow.set(transaction.id, this.data.transactions.length);
    this.data.transactions.push(transaction);
    this.touch();
  }
  addAssociation(objectId: number, contactId: number, roleId: number): Association {
    const a: Association = { id: this.data.nextIds.association, objectId, contactId, roleId, removed: false };
    this.data.nextIds.association += 1 + (a.id % 3);
    this.data.associations.push(a);
    this.indexAssociation(a);
    this.touch();
    return a;
  }
  private indexAssociation(a: Association): void {
    this.associationById.set(a.id, a);
    const list = this.associationsByObject.get(a.objectId);
    if (list) list.push(a);
    else this.associationsByObject.set(a.objectId, [a]);
  }

  takeId(kind: keyof InstanceData['nextIds']): number {
    const id = this.data.nextIds[kind];
    this.data.nextIds[kind] = id + 1 + (id % 7);
    return id;
  }

  /** Appends to the Access Modification log; times are stored in seconds. */
  logAccess(userId: number, action: AccessAction, actorId: number, at: number, detail = ''): void {
    this.data.accessLog.push(userId, action, actorId, Math.floor(at / 1000), detail);
    this.touch();
  }

  /**
   * Locks an account as the password policy does after too many failed sign-ins: a `locked` row
   * in the Access Modification log, made by the person themselves (no administrator acted).
   * False for an unknown person or one already locked.
   */
  lockAccount(personId: number, at: number, detail = 'too many failed sign-in attempts'): boolean {
    const p = this.person(personId);
    if (!p || this.isLocked(personId)) return false;
    this.logAccess(p.id, 'locked', p.id, at, detail);
    return true;
  }

  /**
   * Lifts a lock the way an administrator does in SmartSimple's own screens (SmartConnect has no
   * call for it): an `unlocked` row. False when the account is not locked.
   */
  unlockAccount(personId: number, actorId: number, at: number): boolean {
    if (!this.person(personId) || !this.isLocked(personId)) return false;
    this.logAccess(personId, 'unlocked', actorId, at, 'unlocked by an administrator');
    return true;
  }

  /** Locked: the person's latest locked / unlocked / password reset row is `locked`. */
  isLocked(personId: number): boolean {
    const log = this.data.accessLog;
    for (let i = log.length - 1; i >= 0; i--) {
      if (log.user.get(i) !== personId) continue;
      const action = log.actionAt(i);
      if (LOCK_ACTIONS.includes(action)) return action === 'locked';
    }
    return false;
  }

  /**
   * Changes a program's status the way its owner does in SmartSimple (Admin Desk has no program
   * update function): the record's last-updated stamp moves, so an incremental sync sees it.
   */
  setProgramStatus(programId: number, status: string, actorId: number, at: number): boolean {
    const program = this.program(programId);
    if (!program) return false;
    program.status = status;
    program.lastUpdated = at;
    program.updatedBy = actorId;
    this.touch();
    return true;
  }

  /**
   * Soft delete (a real instance flags the record and hides it everywhere). Deleting a company
   * takes its contacts with it, and restoring the company brings exactly those back.
   */
  softDelete(type: 'user' | 'company' | 'levelone', id: number, actorId: number, at: number): boolean {
    if (type === 'user') {
      const p = this.person(id);
      if (!p) return false;
      if (this.hasAccess(p, at)) this.logAccess(p.id, 'deactivated', actorId, at, 'deleted');
      p.deleted = true;
    } else if (type === 'company') {
      const c = this.company(id);
      if (!c || c.id === this.rootCompanyId) return false;
      c.deleted = true;
      for (const p of this.data.people) {
        if (p.companyId === c.id && !p.deleted) {
          p.deleted = true;
          p.deletedWithCompany = c.id;
        }
      }
    } else {
      const program = this.program(id);
      if (!program) return false;
      program.deleted = true;
    }
    this.touch();
    return true;
  }

  restore(type: 'user' | 'company' | 'levelone', id: number): boolean {
    if (type === 'user') {
      const p = this.person(id, true);
      if (!p?.deleted) return false;
      p.deleted = false;
      p.deletedWithCompany = null;
    } else if (type === 'company') {
      const c = this.company(id, true);
      if (!c?.deleted) return false;
      c.deleted = false;
      for (const p of this.data.people) {
        if (p.deletedWithCompany === c.id) {
          p.deleted = false;
          p.deletedWithCompany = null;
        }
      }
    } else {
      const program = this.program(id, true);
      if (!program?.deleted) return false;
      program.deleted = false;
    }
    this.touch();
    return true;
  }
}
