export { createSmartConnectClient } from './client';
export type { SmartConnectClient } from './client';
export type { ClientStats, FunctionStats, RetryOptions, Sleep, SmartConnectClientOptions, WaitEvent } from './core';
export { backoffDelay, defaultSleep } from './core';
export type { CallBudget, MemoryBudgetOptions, BudgetState, BudgetStateInput } from './budget';
export { budgetState, createMemoryBudget, firstInWindow } from './budget';
export type {
  IndexedInput,
  PartialWrite,
  SmartConnectErrorKind,
  WriteOperation,
  WriteResult,
  ErrorRule,
} from './errors';
export {
  ERROR_CLASSIFICATION,
  SmartConnectError,
  SmartConnectUsageError,
  TRANSIENT_KINDS,
  classifyServerError,
  isSmartConnectError,
} from './errors';
export type { CallOptions, ListOptions, ListPage } from './reads';
export type { AssociationContact, AssociationItem, WriteOptions } from './writes';
export type { FieldValues, RecordChange } from './read-modify-write';
export { idCriteria, withRoles } from './read-modify-write';
export type { ReconcileEntry, ReconcileOptions, ReconcileReport, ReconcileState, ReconcileReader } from './reconcile';
export { reconcileCreates, reconcileDeletes, reconcileUnknownOutcome, reconcileUpdates } from './reconcile';
export type { ConnectionSettings, Credentials } from './transport';
export { checkBaseUrl, isLoopbackHost } from './transport';
