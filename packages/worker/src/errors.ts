/** Why the queue worker refused its configuration or a job. */
export type WorkerErrorCode =
  | "invalid_redis_url"
  | "invalid_job"
  | "unknown_operation"
  | "unresolved_credentials"
  | "job_failed";

/** A worker configuration or job the worker cannot run; the message says what to fix. */
export class WorkerError extends Error {
  override readonly name = "WorkerError";
  readonly code: WorkerErrorCode;

  constructor(code: WorkerErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}
