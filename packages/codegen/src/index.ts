export type { CodegenErrorCode, ConfigWarning } from "./errors.ts";
export { CodegenError } from "./errors.ts";
export { type GeneratedFile, type GenerateOptions, generate } from "./generate.ts";
export {
  parseAndCheck,
  type ReadConfigOptions,
  readConfig,
  readConfigBytes,
} from "./read-config.ts";
