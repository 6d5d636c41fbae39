/** Why the playground refused to start or to serve a request. */
export type PlaygroundErrorCode = "port_in_use" | "bad_request" | "body_too_large" | "timed_out";

/** A playground failure whose message says what to change; shown as is, never with a stack. */
export class PlaygroundError extends Error {
  override readonly name = "PlaygroundError";
  readonly code: PlaygroundErrorCode;

  constructor(code: PlaygroundErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}
