import type { FetchOptions } from "./fetch-types.ts";

/** A request ready for ofetch: final URL, method, headers and body. */
export interface PreparedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The serialised body; binary `data` (Blob, Uint8Array, stream…) passes through. */
  body: unknown;
}

const FORM = "application/x-www-form-urlencoded";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Appends `params` to `url` as the Python SDK does (JSON for objects, nulls dropped). */
export function withParams(url: string, params: Record<string, unknown> | undefined): string {
  if (!params) return url;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    query.append(key, typeof value === "object" ? JSON.stringify(value) : String(value));
  }
  const text = query.toString();
  if (!text) return url;
  return `${url}${url.includes("?") ? "&" : "?"}${text}`;
}

/** Rewrites `url` to a test origin when it starts with one of the overridden origins. */
export function overrideOrigin(url: string, overrides: Record<string, string> | undefined): string {
  if (!overrides) return url;
  for (const [origin, replacement] of Object.entries(overrides)) {
    const base = origin.replace(/\/+$/, "");
    if (url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`)) {
      return replacement.replace(/\/+$/, "") + url.slice(base.length);
    }
  }
  return url;
}

function hasHeader(headers: Record<string, string> | undefined, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === lower);
}

/** Builds method, headers and body from `context.fetch` options and the injected bearer token. */
export function prepareRequest(
  url: string,
  options: FetchOptions,
  bearer: string | undefined,
): PreparedRequest {
  let contentType = options.contentType;
  let body: PreparedRequest["body"];
  if (options.json !== undefined) {
    contentType = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.data !== undefined && options.data !== null) {
    const data = options.data;
    if (isPlainObject(data) || Array.isArray(data)) {
      // An object body is a form unless declared JSON, as with the Python SDK's aiohttp.
      if (contentType === "application/json") body = JSON.stringify(data);
      else {
        contentType ??= FORM;
        body = new URLSearchParams(data as Record<string, string>).toString();
      }
    } else if (typeof data === "string") {
      contentType ??= "text/plain;charset=UTF-8";
      body = data;
    } else {
      body = data;
    }
  }
  const headers: Record<string, string> = {};
  if (bearer && !hasHeader(options.headers, "authorization")) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  if (contentType && !hasHeader(options.headers, "content-type")) {
    headers["Content-Type"] = contentType;
  }
  Object.assign(headers, options.headers);
  return { url, method: (options.method ?? "GET").toUpperCase(), headers, body };
}
