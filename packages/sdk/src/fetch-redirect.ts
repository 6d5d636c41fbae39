import { overrideOrigin } from "./fetch-request.ts";
import type { Redactor } from "./redact.ts";

/** One request of a chain of redirects: the URL the handler sees (before `originOverrides`). */
export interface Hop {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Where a redirect leads, or why it is not followed. */
export type RedirectOutcome =
  | { next: Hop }
  | { refused: string; code: "redirect_refused" | "too_many_redirects" };

/** The redirect statuses `context.fetch` follows itself (the fetch spec's list). */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Redirects followed per request before giving up, as in the fetch spec. */
export const MAX_REDIRECTS = 20;

// Headers that say nothing about who is asking; every other header may carry a credential
// (X-API-Key, a custom auth header, a cookie) and stays with its origin.
const KEPT_ACROSS_ORIGINS = new Set(["accept", "accept-language", "user-agent"]);
const CONTENT_HEADERS = /^content-(type|length|encoding|language|location)$/i;

/** Maps a URL on a test origin back to the real origin it stands for. */
function reverseOverride(url: string, overrides: Record<string, string> | undefined): string {
  const reversed = Object.fromEntries(
    Object.entries(overrides ?? {}).map(([origin, replacement]) => [replacement, origin]),
  );
  return overrideOrigin(url, reversed);
}

/**
 * The next request of a redirect, following the fetch spec (301/302 of a POST and 303 become a
 * GET without body; 307/308 keep method and body) within the origin. Another origin is refused
 * unless `allowCrossOrigin`; then only harmless headers go and a body never does. `https` →
 * `http` is always refused.
 */
export function followRedirect(
  hop: Hop,
  status: number,
  location: string,
  options: {
    allowCrossOrigin: boolean;
    overrides: Record<string, string> | undefined;
    redactor: Redactor;
    redirects: number;
  },
): RedirectOutcome {
  const { redactor } = options;
  if (options.redirects >= MAX_REDIRECTS) {
    return { code: "too_many_redirects", refused: `more than ${MAX_REDIRECTS} redirects` };
  }
  let target: URL;
  try {
    target = new URL(location, overrideOrigin(hop.url, options.overrides));
  } catch {
    const shown = JSON.stringify(redactor.text(location));
    return { code: "redirect_refused", refused: `a ${status} redirect to an invalid URL ${shown}` };
  }
  const url = reverseOverride(target.href, options.overrides);
  const from = new URL(hop.url);
  const to = new URL(url);
  const shown = redactor.text(url);
  if (to.protocol !== "http:" && to.protocol !== "https:") {
    return { code: "redirect_refused", refused: `a ${status} redirect to ${shown}: not http(s)` };
  }
  if (from.protocol === "https:" && to.protocol === "http:") {
    return {
      code: "redirect_refused",
      refused: `a ${status} redirect from https to ${shown}: a downgrade to plain http is never followed`,
    };
  }
  let { method, body, headers } = hop;
  if (((status === 301 || status === 302) && method === "POST") || status === 303) {
    if (method !== "HEAD") method = "GET";
    body = undefined;
    headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !CONTENT_HEADERS.test(k)));
  }
  if (to.origin !== from.origin) {
    if (!options.allowCrossOrigin) {
      return {
        code: "redirect_refused",
        refused: `a ${status} redirect to another origin (${shown}); pass { allowCrossOriginRedirect: true } to follow it without credentials`,
      };
    }
    if (body !== undefined) {
      return {
        code: "redirect_refused",
        refused: `a ${status} redirect to another origin (${shown}) would re-send the request body; it is never followed`,
      };
    }
    headers = Object.fromEntries(
      Object.entries(headers).filter(
        ([name, value]) =>
          KEPT_ACROSS_ORIGINS.has(name.toLowerCase()) && redactor.text(value) === value,
      ),
    );
  }
  return { next: { url, method, headers, body } };
}
