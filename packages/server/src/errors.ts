/** Why the server refused its configuration. */
export type ServerErrorCode = "invalid_auth_file" | "tool_name_collision";

/** A server configuration that cannot be served; the message says where, what and how to fix it. */
export class ServerError extends Error {
  override readonly name = "ServerError";
  readonly code: ServerErrorCode;

  constructor(code: ServerErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}
