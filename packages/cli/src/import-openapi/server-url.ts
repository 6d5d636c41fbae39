import { type JsonObject, objectAt, stringAt } from "./description.ts";

/** Where an API without an absolute server URL is called until someone edits `src/api.ts`. */
export const PLACEHOLDER_ORIGIN = "https://api.example.invalid";

/**
 * The URL an operation is sent to: the first server of the operation, else of its path item,
 * else of the document, with its variables at their defaults and no trailing slash.
 */
export function serverUrl(document: JsonObject, ...overrides: JsonObject[]): string {
  const lists = [...overrides.map((item) => item.servers), document.servers];
  const list = lists.find((servers) => Array.isArray(servers) && servers.length > 0);
  const server = objectAt(Array.isArray(list) ? list[0] : undefined);
  const variables = objectAt(server.variables);
  let url = (stringAt(server.url) ?? "").replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = objectAt(variables[name]).default;
    return value === undefined ? whole : String(value);
  });
  url = url.replace(/\/+$/, "");
  // A relative server ("/v1") is relative to wherever the description was served from.
  if (!/^https?:\/\//.test(url))
    url = `${PLACEHOLDER_ORIGIN}${url.startsWith("/") ? "" : "/"}${url}`;
  return url.replace(/\/+$/, "");
}
