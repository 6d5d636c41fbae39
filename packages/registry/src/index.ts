export {
  assertCredentials,
  credentialFields,
  platformAuth,
  requiredCredentialFields,
} from "./credentials.ts";
export { RegistryError, type RegistryErrorCode } from "./errors.ts";
export { findIntegrations, findWorkspaceRoot, listIntegrationDirs } from "./find-integrations.ts";
export { type LoadIntegrationOptions, loadIntegration } from "./load-integration.ts";
export {
  loadRegistry,
  type Registry,
  type RegistryEntry,
  type RegistryIntegration,
  type RegistryProblem,
  readIntegration,
  type Schema,
} from "./registry.ts";
export { resolveAction, resolveIntegration, suggestion } from "./resolve.ts";
export {
  type ActionRun,
  type RunActionOptions,
  type RunOptions,
  type RunTriggerOptions,
  runAction,
  runConnectedAccount,
  runTrigger,
  type TriggerRun,
} from "./run-action.ts";
export type {
  HttpCall,
  LoadedIntegration,
  RunContext,
  RunContextOptions,
  RunnableIntegration,
  RunResult,
  TriggerRecord,
} from "./types.ts";
