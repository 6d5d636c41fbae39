/** Why the registry could not find, load or resolve an integration. */
export type RegistryErrorCode =
  | "not_a_workspace"
  | "invalid_name"
  | "unknown_integration"
  | "unknown_action"
  | "missing_credentials"
  | "load_failed"
  | "timed_out"
  | "handler_failed";

/** A workspace, integration or qualified name the registry cannot serve; its message says how to fix it. */
export class RegistryError extends Error {
  override readonly name = "RegistryError";
  readonly code: RegistryErrorCode;

  constructor(code: RegistryErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}
