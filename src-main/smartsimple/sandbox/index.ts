/** The sandbox SmartSimple instance: server, generator and their types. */
export { startSandbox, type SandboxConnection, type SandboxHandle, type SandboxOptions } from './server';
export { generateInstance, type GeneratedInstance, type GenerateOptions } from './seed/generate';
export { writeGroundTruth, type GroundTruth } from './seed/ground-truth';
export type { SandboxSettings } from './actions/context';
export type { FaultKind, FaultSpec } from './faults';
export type { AppliedWrite, RequestLogEntry } from './request-log';
export type { SandboxClock } from './clock';
