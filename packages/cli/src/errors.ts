/** Why a `plugboard` command refused its input. */
export type CliErrorCode =
  | "usage"
  | "unknown_integration"
  | "invalid_json"
  | "port_in_use"
  | "integration_exists"
  | "write_failed"
  | "invalid_description";

/** A bad command line or environment: printed as one line on stderr, never with a stack. */
export class CliError extends Error {
  override readonly name = "CliError";
  readonly code: CliErrorCode;
  /** The exit code the command should end with. */
  readonly exitCode: number;

  constructor(
    code: CliErrorCode,
    message: string,
    options: { exitCode?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.exitCode = options.exitCode ?? (code === "usage" ? 2 : 1);
  }
}

/** Why `plugboard build` could not build an integration. */
export type BuildErrorCode = "missing_entry" | "bundle_failed" | "declarations_failed";

/** A failed integration build; the previous `dist/` is left untouched. */
export class BuildError extends Error {
  override readonly name = "BuildError";
  readonly code: BuildErrorCode;

  constructor(message: string, details: { code: BuildErrorCode; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
  }
}
