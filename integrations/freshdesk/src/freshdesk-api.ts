import { ActionError, type ExecutionContext } from "@plugboard/sdk";
import type { Credentials } from "./generated/types.gen.ts";

/** Where to send a helpdesk's requests, and how to authenticate them. */
export interface FreshdeskTarget {
  /** `https://<domain>.freshdesk.com/api/v2` */
  baseUrl: string;
  headers: Record<string, string>;
}

/**
 * Builds the API root from the `domain` field (accepting `acme`, `acme.freshdesk.com` or a
 * full URL) and the Basic credentials Freshdesk expects: the API key as user, `X` as password.
 */
export function freshdesk(context: ExecutionContext<Credentials>): FreshdeskTarget {
  const { api_key: apiKey, domain } = context.credentials;
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
  const basic = Buffer.from(`${apiKey}:X`).toString("base64");
  return {
    baseUrl: `https://${subdomain}.freshdesk.com/api/v2`,
    headers: { Authorization: `Basic ${basic}` },
  };
}
