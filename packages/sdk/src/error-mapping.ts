import { ActionError, HTTPError, RateLimitError } from "./errors.ts";

/**
 * Turns what a handler threw into what the integration reports, declared once per integration
 * (`integration.mapErrors`): return an `ActionError` for an `action_error` result, or the error.
 */
export type ErrorMapper = (error: unknown) => unknown;

/**
 * An `ErrorMapper` turning 4xx `HTTPError`s (not 429, which callers may retry) into
 * `ActionError`s whose message is the API's own, read from the body by `messageOf`; the
 * `HTTPError` stays as `cause`. Other errors, and bodies without a message, pass unchanged.
 */
export function clientErrorsAsActionErrors(
  messageOf: (responseData: unknown, error: HTTPError) => string | undefined,
): ErrorMapper {
  return (error) => {
    if (!(error instanceof HTTPError) || error instanceof RateLimitError) return error;
    if (error.status < 400 || error.status >= 500) return error;
    const message = messageOf(error.responseData, error);
    if (!message) return error;
    return new ActionError(`${error.status} from ${error.method} ${error.url}: ${message}`, {
      cause: error,
    });
  };
}
