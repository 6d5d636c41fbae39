import {
  ActionError,
  clientErrorsAsActionErrors,
  type ErrorMapper,
  type RequestsOptions,
} from "@plugboard/sdk";
import type { Credentials } from "./generated/types.gen.ts";

/**
 * The helpdesk name from the `domain` field, accepting `acme`, `acme.freshdesk.com` or a full
 * URL; anything else is an `ActionError` saying what to enter.
 */
export function helpdeskName(domain: string): string {
  const subdomain = String(domain)
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/\.freshdesk\.com\/?.*$/, "");
  if (!/^[a-z0-9][a-z0-9-]*$/.test(subdomain)) {
    throw new ActionError(
      `Freshdesk domain "${domain}" is not a helpdesk name: use the part before .freshdesk.com, e.g. "acme".`,
    );
  }
  return subdomain;
}

/** Where Freshdesk is and how it authenticates: Basic with the API key as user and `X` as password. */
export const freshdeskRequests: RequestsOptions<Credentials> = {
  baseUrl: (credentials) => `https://${helpdeskName(credentials.domain)}.freshdesk.com/api/v2`,
  auth: { basic: { username: "api_key", password: () => "X" } },
};

interface FreshdeskErrorBody {
  description?: string;
  message?: string;
  errors?: Array<{ field?: string; message?: string }>;
}

/**
 * Freshdesk's 4xx answers as action errors with its own words: `description` (or `message`)
 * and each field error, e.g. `Validation failed (email: There is no contact matching …)`.
 */
export const freshdeskErrors: ErrorMapper = clientErrorsAsActionErrors((data) => {
  const body = (typeof data === "object" && data !== null ? data : {}) as FreshdeskErrorBody;
  const summary = body.description ?? body.message;
  if (!summary) return undefined;
  const fields = (body.errors ?? [])
    .map((error) => [error.field, error.message].filter(Boolean).join(": "))
    .filter(Boolean);
  return fields.length ? `${summary} (${fields.join("; ")})` : summary;
});
