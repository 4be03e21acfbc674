/** The local OMI sandbox, for embedding (the app's "Sandbox" connection) and for tests. */
export { startSandboxServer, HOLD_MS, type SandboxOptions, type RunningSandbox } from './server';
export { DEFAULT_FAULTS, type FaultBoard, type AddManyErrorShape, type RefIdDuplicates } from './faults';
export type { SeedData } from './seed';
export type { StatsReport, Outcome } from './stats';
export { SandboxSetupError } from './persist';
export { DataFileBusyError, type LockHolder } from './data-lock';
export { startOrJoinSandbox, SANDBOX_OWNERS, type SharedSandbox } from './shared-sandbox';
