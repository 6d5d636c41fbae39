/** Why the server or its executor refused or failed a call. */
export type ServerErrorCode =
  | "invalid_json"
  | "invalid_body"
  | "body_too_large"
  | "unauthorized"
  | "not_found"
  | "unknown_integration"
  | "unknown_action"
  | "unknown_trigger"
  | "no_connected_account"
  | "missing_secret"
  | "timeout"
  | "aborted"
  | "out_of_memory"
  | "worker_failed"
  | "handler_failed"
  | "network_error"
  | "rate_limited"
  | "shutting_down"
  | "load_failed"
  | "invalid_options"
  | "port_in_use"
  | "secrets_unreadable"
  | "invalid_auth_file"
  | "tool_name_collision";

/** The HTTP status each error code is answered with (see README "Status codes"). */
export const errorStatus: Record<ServerErrorCode, number> = {
  invalid_json: 400,
  invalid_body: 400,
  body_too_large: 413,
  unauthorized: 401,
  not_found: 404,
  unknown_integration: 404,
  unknown_action: 404,
  unknown_trigger: 404,
  no_connected_account: 404,
  missing_secret: 500,
  timeout: 504,
  aborted: 499,
  out_of_memory: 500,
  worker_failed: 500,
  handler_failed: 502,
  network_error: 502,
  rate_limited: 429,
  shutting_down: 503,
  load_failed: 500,
  invalid_options: 500,
  port_in_use: 500,
  secrets_unreadable: 500,
  invalid_auth_file: 500,
  tool_name_collision: 500,
};

/**
 * A call the server could not run, or that failed outside the envelope: its message says what
 * and how to fix it, and never holds a credential, secret or token.
 */
export class ServerError extends Error {
  override readonly name = "ServerError";
  readonly code: ServerErrorCode;
  /** Seconds to wait before retrying, for `rate_limited`. */
  readonly retryAfter: number | undefined;

  constructor(
    code: ServerErrorCode,
    message: string,
    options: { cause?: unknown; retryAfter?: number } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryAfter = options.retryAfter;
  }

  /** The HTTP status this error is answered with. */
  get status(): number {
    return errorStatus[this.code];
  }

  /** The JSON body the server answers with: `{ error: { code, message } }`. */
  toJSON(): { error: { code: ServerErrorCode; message: string; retry_after?: number } } {
    const error = { code: this.code, message: this.message };
    return this.retryAfter === undefined
      ? { error }
      : { error: { ...error, retry_after: this.retryAfter } };
  }
}
