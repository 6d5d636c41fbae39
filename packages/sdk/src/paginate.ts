import { PaginationError } from "./errors.ts";
import type { ContextFetch } from "./fetch.ts";
import type { FetchOptions, FetchResponse } from "./fetch-types.ts";

/** The cursor is read from each page's body and sent back as a query (or body) parameter. */
export interface CursorPagination {
  type: "cursor";
  /** Dotted path of the next cursor in the body, e.g. `"nextPageToken"` or `"meta.next_cursor"`. */
  cursorPath: string;
  /** The parameter that sends the cursor back, e.g. `"pageToken"`. */
  cursorParam: string;
  /** Where `cursorParam` goes: the query string (default) or the JSON body (`options.json`). */
  cursorIn?: "query" | "body";
}

/** The next page's URL is in the `Link` header (`rel="next"`, RFC 8288) or at a path in the body. */
export interface LinkPagination {
  type: "link";
  /** Dotted path of the next page's URL in the body; the `Link` header when absent. */
  linkPath?: string;
}

/** Items are addressed by offset: `offsetParam` grows by the number of items each page had. */
export interface OffsetPagination {
  type: "offset";
  offsetParam: string;
  /** The first offset; 0 by default. */
  start?: number;
  /** Where `offsetParam` goes: the query string (default) or the JSON body. */
  offsetIn?: "query" | "body";
}

/** Pages are numbered: `pageParam` is `start` (1 by default), then `start + 1`… */
export interface PagePagination {
  type: "page";
  pageParam: string;
  start?: number;
}

/** Options of `context.paginate`: the request, how pages chain, where items are, and guards. */
export type PaginateOptions<T = unknown> = FetchOptions &
  (CursorPagination | LinkPagination | OffsetPagination | PagePagination) & {
    /** Dotted path of the item list in each page's body; the body itself when it is an array. */
    items?: string | ((response: FetchResponse) => T[] | undefined);
    /** Page size sent as `limitParam`; a shorter page is the last one (offset and page types). */
    limit?: number;
    /** The parameter carrying `limit`, e.g. `"maxResults"`, `"per_page"`. */
    limitParam?: string;
    /** More pages than this is a `PaginationError` (a listing that never ends); 100 by default. */
    maxPages?: number;
    /** Stop quietly after this many items; no further page is requested. */
    maxItems?: number;
  };

/** An async iterable of every item of a paginated listing, with `all()` to collect them. */
export interface Paginated<T> extends AsyncIterable<T> {
  /** Every item, in order (Node 20 has no `Array.fromAsync`). */
  all(): Promise<T[]>;
}

/** Pages read by default before `context.paginate` gives up on a listing. */
export const DEFAULT_MAX_PAGES = 100;

/** Reads a dotted path (`"meta.next_cursor"`) in a parsed body. */
export function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The `rel="next"` target of a `Link` header, or `undefined`. */
export function nextLink(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/s.exec(part);
    if (!match) continue;
    const rels = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(match[2] ?? "");
    const rel = (rels?.[1] ?? rels?.[2] ?? "").toLowerCase().split(/\s+/);
    if (rel.includes("next")) return match[1];
  }
  return undefined;
}

function itemsOf<T>(
  response: FetchResponse,
  items: PaginateOptions<T>["items"],
  where: string,
  page: number,
): T[] {
  const found =
    typeof items === "function"
      ? items(response)
      : items === undefined
        ? response.data
        : readPath(response.data, items);
  if (found === undefined || found === null) {
    // An absent list is an empty page (Google omits `items` on an empty last page).
    if (items !== undefined) return [];
  }
  if (!Array.isArray(found)) {
    const hint = items === undefined ? "set `items` to the path of the list" : "check `items`";
    throw new PaginationError(
      `${where}: page ${page} has no item list${typeof items === "string" ? ` at "${items}"` : ""}; ${hint}`,
      { reason: "no_items", url: where },
    );
  }
  return found as T[];
}

function place(
  request: FetchOptions,
  where: "query" | "body" | undefined,
  name: string,
  value: unknown,
): FetchOptions {
  if (where === "body") {
    const json = { ...(request.json as Record<string, unknown> | undefined), [name]: value };
    return { ...request, json };
  }
  return { ...request, params: { ...request.params, [name]: value } };
}

/**
 * Iterates the items of a paginated listing, each page requested through `fetch` (the
 * context's: auth, retries, 429 and error mapping apply). Pages are read lazily, as items are
 * consumed.
 */
export function paginate<T = unknown>(
  fetch: ContextFetch,
  url: string,
  options: PaginateOptions<T>,
): Paginated<T> {
  async function* items(): AsyncGenerator<T> {
    const {
      items: itemsPath,
      limit,
      limitParam,
      maxPages = DEFAULT_MAX_PAGES,
      maxItems = Number.POSITIVE_INFINITY,
      ...rest
    } = options;
    const method = (rest.method ?? "GET").toUpperCase();
    const where = `[${method}] ${url}`;
    let request: FetchOptions = { ...stripPagination(rest) };
    if (limit !== undefined && limitParam) {
      request = place(request, bodyOrQuery(options), limitParam, limit);
    }
    let target = url;
    let yielded = 0;
    let offset = options.type === "offset" ? (options.start ?? 0) : 0;
    let pageNumber = options.type === "page" ? (options.start ?? 1) : 0;
    const cursors = new Set<string>();
    if (options.type === "offset") {
      request = place(request, options.offsetIn, options.offsetParam, offset);
    }
    if (options.type === "page") request = place(request, "query", options.pageParam, pageNumber);

    for (let page = 1; ; page++) {
      if (page > maxPages) {
        throw new PaginationError(
          `${where}: more than ${maxPages} pages; stopped there. Narrow the listing with filters, or raise maxPages`,
          { reason: "too_many_pages", url },
        );
      }
      const response = await fetch(target, request);
      const found = itemsOf<T>(response, itemsPath, where, page);
      for (const item of found) {
        if (yielded >= maxItems) return;
        yield item;
        yielded++;
      }
      if (yielded >= maxItems) return;

      if (options.type === "cursor") {
        const cursor = readPath(response.data, options.cursorPath);
        if (cursor === undefined || cursor === null || cursor === "") return;
        const key = String(cursor);
        if (cursors.has(key)) {
          throw new PaginationError(
            `${where}: the API returned the cursor of an earlier page again (page ${page}); stopped to avoid looping. Retry later`,
            { reason: "repeated_cursor", url },
          );
        }
        cursors.add(key);
        request = place(request, options.cursorIn, options.cursorParam, cursor);
      } else if (options.type === "link") {
        const next =
          options.linkPath === undefined
            ? nextLink(response.headers.link)
            : readPath(response.data, options.linkPath);
        if (typeof next !== "string" || next === "") return;
        const resolved = new URL(next, target);
        if (resolved.origin !== new URL(target).origin) {
          throw new PaginationError(
            `${where}: page ${page} links to another origin (${resolved.origin}); not followed, so credentials stay with ${new URL(target).origin}`,
            { reason: "foreign_next_link", url },
          );
        }
        target = resolved.href;
        // The next link carries the whole query; the first page's params would repeat it.
        request = { ...request, params: undefined };
      } else if (options.type === "offset") {
        if (found.length === 0 || (limit !== undefined && found.length < limit)) return;
        offset += found.length;
        request = place(request, options.offsetIn, options.offsetParam, offset);
      } else {
        if (found.length === 0 || (limit !== undefined && found.length < limit)) return;
        pageNumber += 1;
        request = place(request, "query", options.pageParam, pageNumber);
      }
    }
  }

  return {
    [Symbol.asyncIterator]: () => items(),
    async all() {
      const out: T[] = [];
      for await (const item of items()) out.push(item);
      return out;
    },
  };
}

function bodyOrQuery(options: PaginateOptions<unknown>): "query" | "body" {
  if (options.type === "cursor") return options.cursorIn ?? "query";
  if (options.type === "offset") return options.offsetIn ?? "query";
  return "query";
}

const PAGINATION_KEYS = [
  "type",
  "cursorPath",
  "cursorParam",
  "cursorIn",
  "linkPath",
  "offsetParam",
  "offsetIn",
  "start",
  "pageParam",
] as const;

function stripPagination(options: Record<string, unknown>): FetchOptions {
  const request: Record<string, unknown> = { ...options };
  for (const key of PAGINATION_KEYS) delete request[key];
  return request as FetchOptions;
}
