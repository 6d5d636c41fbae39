import { ValidationError } from "./errors.ts";
import type { ContextFetch } from "./fetch.ts";
import type { FetchOptions } from "./fetch-types.ts";

/** A credential field by name, or a function computing a value from the credentials. */
export type CredentialValue<C> = (keyof C & string) | ((credentials: C) => string);

/** How requests to the API are authorized, from the credential fields; declared once. */
export interface RequestAuth<C> {
  /** Query parameters, e.g. Trello's `{ key: "api_key", token: "token" }`. */
  query?: Record<string, CredentialValue<C>>;
  /** Headers, e.g. `{ "X-Api-Key": "api_key" }` or `{ Authorization: (c) => \`Token ${c.key}\` }`. */
  headers?: Record<string, CredentialValue<C>>;
  /** HTTP Basic, e.g. Freshdesk's `{ username: "api_key", password: () => "X" }`. */
  basic?: { username: CredentialValue<C>; password?: CredentialValue<C> };
}

/** What an integration declares about its API: where it is and how requests are authorized. */
export interface RequestsOptions<C> {
  /**
   * The API root. Relative URLs passed to `context.fetch` resolve against it, and only
   * requests to its origin get `auth` and `headers`: credentials never go to another origin.
   */
  baseUrl: string | ((credentials: C) => string);
  /** Credentials to add to each request to the API's origin. */
  auth?: RequestAuth<C>;
  /** Fixed headers for the API's origin, e.g. `{ "Notion-Version": "2022-06-28" }`. */
  headers?: Record<string, string>;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

function credentialValue<C>(value: CredentialValue<C>, credentials: C, what: string): string {
  if (typeof value === "function") return value(credentials);
  const field = (credentials as Record<string, unknown>)[value];
  if ((typeof field === "string" && field !== "") || typeof field === "number")
    return String(field);
  throw new ValidationError(
    `${what} needs the credential field "${value}", which is missing or empty; add it to the credentials`,
    { code: "invalid_credentials", source: "input", property: `$.${value}` },
  );
}

function hasHeader(headers: Record<string, string> | undefined, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === lower);
}

/** Joins a relative path to the API root with exactly one slash. */
function resolveUrl(base: string, url: string): string {
  if (ABSOLUTE.test(url)) return url;
  if (url === "") return base;
  const root = base.replace(/\/+$/, "");
  return url.startsWith("/") || url.startsWith("?") ? `${root}${url}` : `${root}/${url}`;
}

/**
 * Wraps a context's `fetch` so that relative URLs resolve against `baseUrl` and requests to the
 * API's origin carry the declared auth and headers. What the handler passes explicitly wins.
 */
export function authorizeRequests<C>(
  fetch: ContextFetch,
  options: RequestsOptions<C>,
  credentials: C,
): ContextFetch {
  let resolved:
    | {
        base: string;
        origin: string;
        headers: Record<string, string>;
        query: Record<string, string>;
      }
    | undefined;
  const settle = () => {
    if (resolved) return resolved;
    const base =
      typeof options.baseUrl === "function" ? options.baseUrl(credentials) : options.baseUrl;
    const headers: Record<string, string> = { ...options.headers };
    const query: Record<string, string> = {};
    const auth = options.auth ?? {};
    for (const [name, value] of Object.entries(auth.query ?? {})) {
      query[name] = credentialValue(value, credentials, `The query parameter "${name}"`);
    }
    for (const [name, value] of Object.entries(auth.headers ?? {})) {
      headers[name] = credentialValue(value, credentials, `The header "${name}"`);
    }
    if (auth.basic) {
      const user = credentialValue(auth.basic.username, credentials, "Basic authorization");
      const password =
        auth.basic.password === undefined
          ? ""
          : credentialValue(auth.basic.password, credentials, "Basic authorization");
      headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    }
    resolved = { base, origin: new URL(base).origin, headers, query };
    return resolved;
  };

  return <T>(url: string, request: FetchOptions = {}) => {
    const api = settle();
    const target = resolveUrl(api.base, url);
    if (new URL(target).origin !== api.origin) return fetch<T>(target, request);
    const headers = { ...request.headers };
    for (const [name, value] of Object.entries(api.headers)) {
      if (!hasHeader(request.headers, name)) headers[name] = value;
    }
    const params = { ...api.query, ...request.params };
    return fetch<T>(target, { ...request, headers, params });
  };
}
