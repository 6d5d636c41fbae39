/** Why a `plugboard` command refused its input. */
export type CliErrorCode =
  | "usage"
  | "not_a_workspace"
  | "unknown_integration"
  | "unknown_action"
  | "invalid_json"
  | "missing_credentials"
  | "port_in_use"
  | "integration_exists"
  | "load_failed";

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
