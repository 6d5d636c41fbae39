import {
  clientErrorsAsActionErrors,
  type ErrorMapper,
  type FetchResponse,
  HTTPError,
  type PaginateOptions,
  type RequestsOptions,
} from "@plugboard/sdk";
import type { Credentials } from "./generated/types.gen.ts";

/** The Notion API root; handlers pass paths relative to it. */
export const NOTION_API = "https://api.notion.com/v1";

/**
 * Where Notion is and the header it requires on every request, declared once. 2022-06-28 is
 * the API version Plugboard's schemas follow: the last where databases are queried directly
 * (later versions move rows to data sources). The token is the platform's OAuth token, sent
 * as `Authorization: Bearer …` by the SDK.
 */
export const notionRequests: RequestsOptions<Credentials> = {
  baseUrl: NOTION_API,
  headers: { "Notion-Version": "2022-06-28" },
};

/** Notion's list envelope: `results`, and `next_cursor` while `has_more`. */
export interface NotionList<T> {
  results: T[];
  next_cursor: string | null;
  has_more: boolean;
}

/**
 * How Notion pages a list, for `context.paginate`: items in `results`, page size in
 * `page_size`, and `next_cursor` sent back as `start_cursor` while `has_more` (in the query of a
 * GET, in the body of a POST: add `cursorIn: "body"`).
 */
export const NOTION_PAGES = {
  type: "cursor",
  cursorPath: (response: FetchResponse) => {
    const list = response.data as Partial<NotionList<unknown>>;
    return list.has_more ? list.next_cursor : undefined;
  },
  cursorParam: "start_cursor",
  items: "results",
  limitParam: "page_size",
} as const satisfies Partial<PaginateOptions>;

/** A list action's output from one page read with `NOTION_PAGES`. */
export function toList<T>(page: { items: T[]; next: string | undefined }): NotionList<T> {
  return { results: page.items, next_cursor: page.next ?? null, has_more: page.next !== undefined };
}

const withNotionMessage = clientErrorsAsActionErrors((data) => {
  const body = (typeof data === "object" && data !== null ? data : {}) as { message?: unknown };
  return typeof body.message === "string" ? body.message : undefined;
});

/**
 * Notion's 400s (`validation_error`, `invalid_request`…: the request itself is wrong) as
 * action errors with Notion's own message, e.g. `body.children[0].paragraph should be defined`.
 * Other statuses stay `HTTPError`s carrying Notion's body: 401/403 are the platform's to
 * handle (reconnect), and a 404 is reported with its `status` and `code`, as before.
 */
export const notionErrors: ErrorMapper = (error) =>
  error instanceof HTTPError && error.status === 400 ? withNotionMessage(error) : error;
