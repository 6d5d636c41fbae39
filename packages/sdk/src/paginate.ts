import { PaginationError } from "./errors.ts";
import type { ContextFetch } from "./fetch.ts";
import type { FetchOptions, FetchResponse } from "./fetch-types.ts";

/** The cursor is read from each page's body and sent back as a query (or body) parameter. */
export interface CursorPagination {
  type: "cursor";
  /**
   * Dotted path of the next cursor in the body, e.g. `"nextPageToken"` or `"meta.next_cursor"`,
   * or a function reading it from the response (e.g. only when the body says `has_more`).
   * An absent, `null` or empty cursor ends the listing.
   */
  cursorPath: string | ((response: FetchResponse) => unknown);
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

/** One page of a listing: its items, what asks for the next page, and the raw response. */
export interface Page<T> {
  items: T[];
  /**
   * What asks for the page after this one, as a string: the cursor, the next URL, or the next
   * offset or page number; `undefined` on the last page. A page-at-a-time action hands it back
   * to its caller (e.g. as `next_cursor`).
   */
  next: string | undefined;
  response: FetchResponse;
}

/** An async iterable of every item of a paginated listing, with `all()` to collect them. */
export interface Paginated<T> extends AsyncIterable<T> {
  /** Every item, in order (Node 20 has no `Array.fromAsync`). */
  all(): Promise<T[]>;
  /** The pages themselves, read lazily (`maxPages` applies; `maxItems` does not). */
  pages(): AsyncIterable<Page<T>>;
  /** Only the first page: for actions that return one page and a cursor to the next. */
  firstPage(): Promise<Page<T>>;
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
  const { maxItems = Number.POSITIVE_INFINITY } = options;

  async function* pages(): AsyncGenerator<Page<T>> {
    const { items: itemsPath, limit, limitParam, maxPages = DEFAULT_MAX_PAGES, ...rest } = options;
    const method = (rest.method ?? "GET").toUpperCase();
    const where = `[${method}] ${url}`;
    let request: FetchOptions = { ...stripPagination(rest) };
    if (limit !== undefined && limitParam) {
      request = place(request, bodyOrQuery(options), limitParam, limit);
    }
    let target = url;
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
      // What chains to the next page is worked out before the page is handed over; a problem
      // with it is thrown only when the next page is asked for, after this page's items.
      let next: string | undefined;
      let problem: PaginationError | undefined;
      let following = request;
      if (options.type === "cursor") {
        const { cursorPath } = options;
        const cursor =
          typeof cursorPath === "function"
            ? cursorPath(response)
            : readPath(response.data, cursorPath);
        if (cursor !== undefined && cursor !== null && cursor !== "") {
          const key = String(cursor);
          if (cursors.has(key)) {
            problem = new PaginationError(
              `${where}: the API returned the cursor of an earlier page again (page ${page}); stopped to avoid looping. Retry later`,
              { reason: "repeated_cursor", url },
            );
          } else {
            cursors.add(key);
            next = key;
            following = place(request, options.cursorIn, options.cursorParam, cursor);
          }
        }
      } else if (options.type === "link") {
        const link =
          options.linkPath === undefined
            ? nextLink(response.headers.link)
            : readPath(response.data, options.linkPath);
        if (typeof link === "string" && link !== "") {
          const resolved = new URL(link, target);
          if (resolved.origin !== new URL(target).origin) {
            problem = new PaginationError(
              `${where}: page ${page} links to another origin (${resolved.origin}); not followed, so credentials stay with ${new URL(target).origin}`,
              { reason: "foreign_next_link", url },
            );
          } else {
            next = resolved.href;
            // The next link carries the whole query; the first page's params would repeat it.
            following = { ...request, params: undefined };
          }
        }
      } else if (found.length > 0 && (limit === undefined || found.length >= limit)) {
        if (options.type === "offset") {
          offset += found.length;
          next = String(offset);
          following = place(request, options.offsetIn, options.offsetParam, offset);
        } else {
          pageNumber += 1;
          next = String(pageNumber);
          following = place(request, "query", options.pageParam, pageNumber);
        }
      }
      yield { items: found, next, response };
      if (problem) throw problem;
      if (next === undefined) return;
      if (options.type === "link") target = next;
      request = following;
    }
  }

  async function* items(): AsyncGenerator<T> {
    let yielded = 0;
    for await (const page of pages()) {
      for (const item of page.items) {
        if (yielded >= maxItems) return;
        yield item;
        yielded++;
      }
      if (yielded >= maxItems) return;
    }
  }

  return {
    [Symbol.asyncIterator]: () => items(),
    async all() {
      const out: T[] = [];
      for await (const item of items()) out.push(item);
      return out;
    },
    pages,
    async firstPage() {
      const iterator = pages();
      const first = await iterator.next();
      await iterator.return(undefined);
      // A listing always has a first page: the generator yields before it can return.
      return first.value as Page<T>;
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
