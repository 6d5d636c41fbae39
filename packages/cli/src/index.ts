export { main } from "./cli.ts";
export { BuildError, CliError, type CliErrorCode } from "./errors.ts";
export type { IntegrationOutcome } from "./process-integration.ts";
export { type RunCodegenOptions, runCodegen } from "./run-codegen.ts";
