/** What went wrong while loading or using an integration's config.json. */
export type ConfigurationErrorCode =
  | "config_not_found"
  | "config_unreadable"
  | "config_invalid_json"
  | "config_invalid"
  | "unknown_action"
  | "unknown_trigger"
  | "missing_secret";

/** Where a configuration problem sits: the file, and a line/column or a JSON pointer. */
export interface ConfigurationErrorDetails {
  code: ConfigurationErrorCode;
  file?: string;
  line?: number;
  column?: number;
  pointer?: string;
  cause?: unknown;
}

/** A config.json that is missing, unreadable, not JSON or structurally wrong, or an unknown name. */
export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
  readonly code: ConfigurationErrorCode;
  /** The config file, when the problem comes from one. */
  readonly file: string | undefined;
  /** 1-based line of the problem in `file`, when known. */
  readonly line: number | undefined;
  /** 1-based column of the problem in `file`, when known. */
  readonly column: number | undefined;
  /** JSON pointer (RFC 6901) to the offending value, for structural problems. */
  readonly pointer: string | undefined;

  constructor(message: string, details: ConfigurationErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.pointer = details.pointer;
  }
}

/** Why a validation failed. */
export type ValidationErrorCode =
  | "not_registered"
  | "invalid_input"
  | "invalid_credentials"
  | "invalid_output"
  | "invalid_result";

/** Which side of a handler a validation problem is on, in the platform's wire names. */
export type ValidationSource = "input" | "output";

/** Details of a validation failure; `value` never holds credentials. */
export interface ValidationErrorDetails {
  code: ValidationErrorCode;
  source: ValidationSource;
  property?: string | null;
  value?: unknown;
}

/** Inputs, credentials, output or a handler's return value that do not match the config. */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  readonly code: ValidationErrorCode;
  /** `"input"` for inputs, credentials and registration; `"output"` for what a handler returned. */
  readonly source: ValidationSource;
  /** JSON path of the first offending property (`"$.labels[0]"`), or `null` for the whole value. */
  readonly property: string | null;
  /** The offending value (never credentials: those are reported as `"[REDACTED]"`). */
  readonly value: unknown;

  constructor(message: string, details: ValidationErrorDetails) {
    super(message);
    this.code = details.code;
    this.source = details.source;
    this.property = details.property ?? null;
    this.value = details.value ?? null;
  }
}

/** Options of an `ActionError`, in wire names. */
export interface ActionErrorOptions {
  cost_usd?: number;
  cause?: unknown;
}

/** Thrown by a handler for an expected failure: becomes an `action_error` result, output unchecked. */
export class ActionError extends Error {
  override readonly name: string = "ActionError";
  readonly code = "action_error" as const;
  /** What the failed call still cost, in US dollars. */
  readonly cost_usd: number | undefined;

  constructor(message: string, options: ActionErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.cost_usd = options.cost_usd;
  }
}

/** What an HTTP failure was. */
export type HTTPErrorCode = "http_error" | "rate_limited";

/** Details of an HTTP failure. */
export interface HTTPErrorDetails {
  method: string;
  url: string;
  status: number;
  statusText?: string;
  responseData?: unknown;
  code?: HTTPErrorCode;
}

/** A non-2xx response from `context.fetch`; `responseData` is the parsed body. */
export class HTTPError extends Error {
  override readonly name: string = "HTTPError";
  readonly code: HTTPErrorCode;
  readonly status: number;
  readonly method: string;
  /** The request URL, with credential values redacted. */
  readonly url: string;
  readonly responseData: unknown;

  constructor(message: string, details: HTTPErrorDetails) {
    super(message);
    this.code = details.code ?? "http_error";
    this.status = details.status;
    this.method = details.method;
    this.url = details.url;
    this.responseData = details.responseData;
  }
}

/** A 429 response from `context.fetch`; never retried automatically. */
export class RateLimitError extends HTTPError {
  override readonly name = "RateLimitError";
  /** Seconds to wait, from `Retry-After` (seconds or an HTTP date); 60 when absent. */
  readonly retryAfter: number;

  constructor(message: string, details: HTTPErrorDetails & { retryAfter: number }) {
    super(message, { ...details, code: "rate_limited" });
    this.retryAfter = details.retryAfter;
  }
}

/** How a request failed without an HTTP response. */
export type NetworkErrorCode = "network_error" | "timeout" | "aborted";

/** A request that got no response after every retry: connection failures and timeouts. */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
  readonly code: NetworkErrorCode;
  readonly method: string;
  /** The request URL, with credential values redacted. */
  readonly url: string;
  /** How many attempts were made, the first included. */
  readonly attempts: number;

  constructor(
    message: string,
    details: { code: NetworkErrorCode; method: string; url: string; attempts: number },
  ) {
    super(message);
    this.code = details.code;
    this.method = details.method;
    this.url = details.url;
    this.attempts = details.attempts;
  }
}

/** What was wrong with a response `context.fetch` received. */
export type ResponseErrorCode =
  | "redirect_refused"
  | "too_many_redirects"
  | "response_too_large"
  | "invalid_json"
  | "undecodable_body";

/** Details of a response `context.fetch` refused to return. */
export interface ResponseErrorDetails {
  code: ResponseErrorCode;
  method: string;
  url: string;
  status: number;
}

/**
 * A response `context.fetch` will not hand over: a redirect to another origin or to `http`, a
 * body over `maxResponseBytes`, invalid JSON under a JSON content type, or a body its declared
 * charset cannot decode. Never retried.
 */
export class ResponseError extends Error {
  override readonly name = "ResponseError";
  readonly code: ResponseErrorCode;
  readonly method: string;
  /** The request URL, with credential values redacted. */
  readonly url: string;
  readonly status: number;

  constructor(message: string, details: ResponseErrorDetails) {
    super(message);
    this.code = details.code;
    this.method = details.method;
    this.url = details.url;
    this.status = details.status;
  }
}

/** Why an execution was given up: its `AbortSignal` fired, or its deadline passed. */
export type ExecutionAbortedCode = "aborted" | "timed_out";

/**
 * An `executeAction`, `executePollingTrigger` or `getConnectedAccount` that did not finish before
 * its signal aborted or its `timeout` passed. The handler is no longer awaited; closing its
 * context fails its requests in flight.
 */
export class ExecutionAbortedError extends Error {
  override readonly name = "ExecutionAbortedError";
  readonly code: ExecutionAbortedCode;
  /** What was running: `action "x"`, `polling trigger "y"` or `connected account`. */
  readonly operation: string;

  constructor(message: string, details: { code: ExecutionAbortedCode; operation: string }) {
    super(message);
    this.code = details.code;
    this.operation = details.operation;
  }
}

/** What went wrong with a polling trigger's stored state. */
export type StateStoreErrorCode = "state_invalid" | "state_conflict";

/** A trigger state store holding something other than trigger state, or writes that kept colliding. */
export class StateStoreError extends Error {
  override readonly name = "StateStoreError";
  readonly code: StateStoreErrorCode;
  /** The state key, `<integration>.<trigger>`, when the problem is one key's. */
  readonly key: string | undefined;
  /** The state file, for file stores. */
  readonly file: string | undefined;

  constructor(
    message: string,
    details: { code: StateStoreErrorCode; key?: string; file?: string; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.key = details.key;
    this.file = details.file;
  }
}

/** Why `context.paginate` stopped before the last page. */
export type PaginationErrorReason =
  | "too_many_pages"
  | "repeated_cursor"
  | "no_items"
  | "foreign_next_link";

/**
 * `context.paginate` could not finish: more pages than `maxPages`, a cursor the API repeated, a
 * page without its item list, or a next link to another origin. An `ActionError`, so an
 * unhandled one becomes an `action_error` result the agent can read.
 */
export class PaginationError extends ActionError {
  override readonly name = "PaginationError";
  readonly reason: PaginationErrorReason;
  /** The URL of the listing (credentials redacted by the caller's context). */
  readonly url: string;

  constructor(message: string, details: { reason: PaginationErrorReason; url: string }) {
    super(message);
    this.reason = details.reason;
    this.url = details.url;
  }
}
