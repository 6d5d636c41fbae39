import { ExecutionAbortedError } from "./errors.ts";

/** How long an execution may run: an `AbortSignal`, a timeout in seconds, or both. */
export interface ExecuteOptions {
  /** Gives the execution up when it aborts. */
  signal?: AbortSignal;
  /** Gives the execution up after this many seconds. */
  timeout?: number;
}

/**
 * `run()`, given up with `ExecutionAbortedError` when `options.signal` aborts or
 * `options.timeout` passes. JavaScript cannot stop a running handler: it is no longer awaited,
 * its eventual failure is swallowed, and the caller closes its context to cut its requests.
 */
export function withinDeadline<T>(
  operation: string,
  options: ExecuteOptions | undefined,
  run: () => Promise<T>,
): Promise<T> {
  const { signal, timeout } = options ?? {};
  // The common call has no deadline: no timer, no listener, no extra promise.
  if (!signal && timeout === undefined) return run();
  const aborted = () =>
    new ExecutionAbortedError(`${capitalised(operation)} was aborted`, {
      code: "aborted",
      operation,
    });
  if (signal?.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => finish(() => reject(aborted()));
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      settle();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    if (timeout !== undefined) {
      timer = setTimeout(() => {
        const message = `${capitalised(operation)} did not finish within ${timeout} s`;
        finish(() => reject(new ExecutionAbortedError(message, { code: "timed_out", operation })));
      }, timeout * 1000);
    }
    run().then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
