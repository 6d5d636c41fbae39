export type { CodegenErrorCode, ConfigWarning } from "./errors.ts";
export { CodegenError } from "./errors.ts";
export { type GeneratedFile, type GenerateOptions, generate } from "./generate.ts";
export type { IntegrationOutcome } from "./process-integration.ts";
export { type ReadConfigOptions, readConfig } from "./read-config.ts";
export { type RunCodegenOptions, runCodegen } from "./run-codegen.ts";
