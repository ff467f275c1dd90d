/**
 * Plans: the one way any change reaches SmartSimple. Build (by hand, from a CSV, from
 * a selection or filter), review, approve, export/import for a second administrator, apply
 * through a crash-proof journal, verify, undo. Every step is recorded in the audit trail.
 */
export {
  addOperations,
  createPlan,
  discardPlan,
  editOperation,
  getPlan,
  listPlans,
  removeOperations,
  submitForReview,
  updatePlanText,
} from './plans';
export type { CreatePlanInput, PlanChange, RejectedOperation } from './plans';
export { approveOperations, approvePlan, revokeApprovals } from './approval';
export type { ApprovePlanResult } from './approval';
export { buildFromCsv } from './builders/csv';
export type { CsvBuildResult, CsvProblem, CsvRoleMode, CsvRolesInput } from './builders/csv';
export {
  buildFromFilter,
  buildFromSelection,
  deactivateOrganization,
  grantRoleToDepartment,
  removeRoleFromDormant,
} from './builders/filters';
export type { BuildResult, BulkAction, FilterInput, SelectionInput } from './builders/filters';
export { rolledBack } from './service/builds';
export { reviewPlan } from './review';
export type { PersonDiff, PlanReview, ReviewOptions, ReviewWarning, WarningKind } from './review';
export { estimateCalls } from './estimate';
export type { CallEstimate } from './estimate';
export { contentHash, exportPlanCsv, exportPlanJson, importPlanApprovals } from './exchange';
export type { ImportResult, PlanExport } from './exchange';
export { applyPlan, getApplyResult, stopApplying, DEFAULT_APPLY_BATCH_SIZE } from './apply/apply-plan';
export type { ApplyPlanOptions, ApplyResult, OperationResult } from './apply/apply-plan';
export type { ApplyFunctions } from './apply/env';
export { createUndoPlan } from './undo';
export { BULK_PEOPLE_THRESHOLD } from './risk';
export type { PeopleSelection } from './store/mirror-reads';
export * from './types';
