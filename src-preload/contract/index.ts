/**
 * The contract between the renderer and main, as a table of contents: every channel
 * (`domain:verb`) with its zod input schema and result type, the wire types the results are made
 * of, and the events main pushes. Each domain file declares its channels and the types that cross
 * the wire; channels.ts merges them into the one table main registers from.
 *
 * A new channel is a change in its domain file plus its handler in `src-main/ipc/`; the type
 * checker finds the handler that is missing.
 *
 * Shared by main, preload and renderer: these files import zod and each other, never src-main
 * (the linter refuses it). The preload bundle itself imports only names.ts, and types.
 */

// ---------- the table, the envelope, the events ----------
export { CHANNEL_NAMES, channels, isChannelName } from './channels';
export type { ChannelName, Channels, InputOf, ParsedInputOf, ResultOf } from './channels';
export { DEFAULT_MAX_INPUT_BYTES, ERROR_CODES, TABLES } from './wire';
export type { ApiError, ChannelDef, DownloadText, ErrorCode, Result, Table } from './wire';
export { EVENT_NAMES } from './pushed-events';
export type { EventName, Events } from './pushed-events';
export { IPC_EVENT } from './names';

// ---------- SmartConnect vocabulary (main's protocol module builds on it) ----------
export {
  ACTIONS,
  FUNCTION_NAME_PATTERN,
  FUNCTION_NAME_RULE,
  KNOWN_FUNCTIONS,
  MAX_FUNCTION_NAME_LENGTH,
  RECORD_TYPES,
} from './smartconnect';
export type { Action, KnownFunctionName, RecordType } from './smartconnect';

// ---------- app: info and settings ----------
export { administratorNameSchema, autoSyncSchema, settingsSchema, themeSchema } from './app';
export type { AppInfo, AutoSync, Settings } from './app';

// ---------- connect: instances, connections, the vault, the sandbox ----------
export { connectionInputSchema, functionInputSchema, hostSchema, instanceInputSchema } from './connect';
export type {
  CallBudgetInfo,
  ConnectionDetails,
  ConnectionInput,
  ConnectionTest,
  FunctionInput,
  FunctionSummary,
  FunctionTestResult,
  Instance,
  InstanceInput,
  VaultStatus,
} from './connect';

// ---------- sync ----------
export { SUMMARY_KINDS, SYNC_ENTITIES, syncModeSchema } from './sync';
export type {
  KindCounts,
  PlanEntity,
  SummaryKind,
  SyncEntity,
  SyncKind,
  SyncPhase,
  SyncPlan,
  SyncRun,
  SyncRunState,
  SyncSchedule,
  SyncStatus,
  SyncSummary,
} from './sync';

// ---------- mirror: people, organizations, roles, programs ----------
export { PERSON_ID_FIELD, peopleFiltersSchema } from './mirror';
export type {
  AccessEventRow,
  LoginSessionRow,
  OrganizationNode,
  OrganizationRef,
  PeopleFiltersInput,
  PersonDetail,
  PersonProgram,
  PersonRole,
  PersonRow,
  PrivilegeSuggestion,
  ProgramAssignmentRow,
  ProgramRow,
  DepartmentRow,
  RoleDepartment,
  RoleDetail,
  RoleRow,
  SearchPeopleResult,
} from './mirror';
export {
  ACCESS_TYPE_WORDS,
  DEFAULT_PEOPLE_COLUMNS,
  DEFAULT_PEOPLE_SORT,
  PEOPLE_COLUMN_IDS,
  PEOPLE_COLUMN_LABELS,
  USER_TYPE_WORDS,
  peopleColumnsSchema,
  peopleSortSchema,
} from './people-list';
export type { PeopleColumnId, PeopleSort } from './people-list';
export { peopleLayoutSchema, peopleViewFiltersSchema, peopleViewInputSchema, viewNameSchema } from './views';
export type { PeopleLayout, PeopleView, PeopleViewFilters, PeopleViewInput } from './views';
export { JUMP_KINDS } from './jump';
export type { JumpKind, JumpTarget } from './jump';

// ---------- plans ----------
export type { ApplyApprovedResult, LinkedPlan, PlanApplyResult, PlanDetail } from './plans';
export {
  MAX_PLAN_CSV_CHARS,
  MAX_PLAN_IMPORT_CHARS,
  OPERATION_KIND_NAMES,
  checkProfileFields,
  profileFieldProblems,
  bulkActionSchema,
  planOperationInputSchema,
} from './plans-inputs';
export type { BulkActionInput, PlanOperationInput } from './plans-inputs';
export { PLAN_ORIGINS, PLAN_STATES } from './plans-types';
export type {
  ApplyResult,
  ApplySummary,
  ApprovePlanResult,
  BuildChange,
  BuildPreview,
  BuildResult,
  CallEstimate,
  CsvBuildResult,
  CsvPreviewResult,
  CsvProblem,
  FieldMap,
  ImportResult,
  JournalState,
  Operation,
  OperationApproval,
  OperationKind,
  OperationResult,
  OperationSource,
  PersonDiff,
  Plan,
  PlanChange,
  PlanOrigin,
  PlanReview,
  PlanState,
  PlanSummary,
  PlanWithOperations,
  RejectedOperation,
  ReviewWarning,
  Risk,
  RiskReason,
  WarningKind,
} from './plans-types';

// ---------- audit trail ----------
export { AUDIT_KINDS, auditTrailQuerySchema } from './audit';
export type {
  AuditEntry,
  AuditHead,
  AuditKind,
  AuditProblem,
  AuditProblemKind,
  AuditTrailPage,
  AuditTrailQuery,
  AuditVerification,
  ReadableAuditEntry,
} from './audit';

// ---------- jobs ----------
export type { JobInfo, JobState } from './jobs';

// ---------- ai ----------
export { DEFAULT_LLM_SETTINGS, TASK_KINDS, baseUrlProblem, llmSettingsSchema } from './ai';
export type {
  AcceptanceRate,
  AiStatus,
  Decision,
  EngineName,
  LlmConnectionTest,
  LlmSettings,
  Suggestion,
  TaskKind,
} from './ai';
export { ASK_GROUPS, askQuerySchema } from './ask';
export type {
  AskActivity,
  AskAnswer,
  AskGroup,
  AskInterpretation,
  AskOutput,
  AskPersonFilter,
  AskQuery,
  AskWindow,
  SavedQuestion,
} from './ask';
export { CONSEQUENCE_KINDS, describedChangeSchema, lifecycleActionSchema } from './lifecycle';
export type {
  ChangeReading,
  Consequence,
  ConsequenceKind,
  DescribedChange,
  DescribedOperation,
  LifecycleAction,
} from './lifecycle';
export { EVIDENCE_FORMATS } from './evidence';
export type {
  EvidenceCell,
  EvidenceChart,
  EvidenceDocument,
  EvidenceFile,
  EvidenceFormat,
  EvidenceSection,
  EvidenceTable,
} from './evidence';

// ---------- onboarding ----------
export {
  MAX_ONBOARDING_FILE_BYTES,
  PROPOSAL_STATES,
  documentFieldSchema,
  fieldSourceSchema,
  onboardingDecideSchema,
  onboardingDocumentSchema,
  onboardingFieldNameSchema,
  organizationChoiceSchema,
} from './onboarding';
export type {
  AddDocumentResult,
  DocumentField,
  FieldSource,
  OnboardingDecideInput,
  OnboardingDocument,
  OnboardingDocumentView,
  OnboardingPage,
  OnboardingPageImage,
  OrganizationCandidate,
  OrganizationChoice,
  OrganizationResolution,
  PeerGroup,
  PersonCandidate,
  PersonResolution,
  Proposal,
  ProposalField,
  ProposalState,
  ProposalSummary,
  ProposedOperation,
  Recommendation,
} from './onboarding';
// ---------- intake: documents read into a new user's fields ----------
export { INTAKE_FIELD_NAMES, INTAKE_MAX_FILE_BYTES, intakeMappingSchema, intakeReadSchema } from './intake';
export type {
  IntakeBox,
  IntakeField,
  IntakeFieldName,
  IntakeFormat,
  IntakeMapping,
  IntakePage,
  IntakePageImage,
  IntakePageView,
  IntakeRecord,
  IntakeResult,
  IntakeSource,
  IntakeStandardField,
  IntakeTextItem,
} from './intake';

// ---------- investigate: findings, detector settings, risk, timelines ----------
export {
  DEFAULT_DETECTOR_SETTINGS,
  FINDING_KINDS,
  FINDING_KIND_LABELS,
  FINDING_STATUSES,
  detectorSettingsSchema,
  inSentence,
  findingsQuerySchema,
  remediationActionSchema,
} from './investigate';
export type {
  DetectorSettings,
  EvidenceEvent,
  EvidenceRole,
  EvidenceSession,
  FindingDetail,
  FindingEvidence,
  FindingKind,
  FindingRow,
  FindingStatus,
  FindingsPage,
  FindingsQuery,
  InvestigateSettings,
  PersonTimeline,
  Remediation,
  RemediationAction,
  RiskContribution,
  RiskFactor,
  RiskOverview,
  RiskPerson,
  ScanRun,
  ScanStatus,
  ScanSummary,
  SodRule,
  SodSuggestion,
  TimelineEntry,
} from './investigate';
// ---------- help desk: the troubleshooter, resets, tickets, the knowledge base ----------
export {
  DEFAULT_EXPIRY_DAYS,
  HELP_SOURCES,
  HELPDESK_CHECK_IDS,
  HELPDESK_TARGET_KINDS,
  helpdeskTargetInputSchema,
} from './helpdesk';
export type {
  HelpAnswer,
  HelpPassage,
  HelpSearchResult,
  HelpSource,
  HelpdeskCheck,
  HelpdeskCheckId,
  HelpdeskCheckResult,
  HelpdeskDiagnosis,
  HelpdeskOutcomeRow,
  HelpdeskPerson,
  HelpdeskPlanMade,
  HelpdeskReset,
  HelpdeskTarget,
  HelpdeskTargetInput,
  HelpdeskTargetKind,
  HelpdeskTicket,
} from './helpdesk';

// ---------- reviews: access review campaigns, the AI record; licenses ----------
export {
  REVIEWER_KINDS,
  REVIEW_DEFAULTS,
  REVIEW_ITEM_KINDS,
  REVIEW_ITEM_KIND_LABELS,
  REVIEW_REASON_CODES,
  REVIEW_REASON_LABELS,
  REVIEW_RECURRENCES,
  RISK_BANDS,
  createCampaignSchema,
  reviewItemFilterSchema,
  reviewScopeSchema,
  reviewStageSchema,
} from './reviews';
export type {
  AcceptancePoint,
  AiRecord,
  CampaignDetail,
  CampaignPreview,
  CampaignState,
  CampaignSummary,
  CreateCampaignInput,
  DecideResult,
  DownloadFile,
  FairnessGroup,
  ReviewAction,
  ReviewCounts,
  ReviewDecision,
  ReviewDefault,
  ReviewItem,
  ReviewItemFilter,
  ReviewItemKind,
  ReviewItemsPage,
  ReviewReason,
  ReviewReasonCode,
  ReviewRecurrence,
  ReviewScope,
  ReviewStage,
  ReviewerKind,
  RiskBand,
  SignOffResult,
  SignOffSummary,
  WorkbookImportResult,
} from './reviews';
export {
  DEFAULT_LICENSE_SETTINGS,
  LICENSE_RECOMMENDATION_KINDS,
  SEAT_TYPES,
  SEAT_TYPE_LABELS,
  licenseSettingsSchema,
} from './licenses';
export type {
  LicensePlanResult,
  LicenseRecommendation,
  LicenseRecommendationKind,
  LicenseReport,
  LicenseSettings,
  LicensedAccount,
  SeatType,
} from './licenses';

// ---------- lifecycle templates (roster, mover, leaver and organization offboarding) ----------
export { rosterRowSchema, rosterSourceSchema } from './lifecycle-templates';
export type {
  MoverProposal,
  OffboardPerson,
  OffboardProposal,
  OffboardTransfer,
  OperationReason,
  RoleSuggestion,
  RosterCandidate,
  RosterOutcome,
  RosterPreview,
  RosterRowInput,
  RosterRowView,
  SuccessorChoice,
  TemplateOperation,
  TemplatePlanResult,
} from './lifecycle-templates';
