import {
  ActionError,
  type ErrorMapper,
  type FetchResponse,
  HTTPError,
  type PaginateOptions,
  type RequestsOptions,
} from "@plugboard/sdk";
import type { Credentials } from "./generated/types.gen.ts";

/** The Instagram Graph API root (Instagram API with Instagram Login), pinned to one version. */
export const GRAPH_API = "https://graph.instagram.com/v23.0";

/**
 * Where the Graph API is: handlers pass paths relative to it. Auth is the platform's OAuth token
 * as `Authorization: Bearer …`, which the SDK already sends, so nothing else is declared.
 */
export const instagramRequests: RequestsOptions<Credentials> = { baseUrl: GRAPH_API };

/** The profile fields Plugboard reads for the connected account. */
export const PROFILE_FIELDS =
  "user_id,username,name,account_type,profile_picture_url,biography,website,followers_count,follows_count,media_count";

/** The media fields Plugboard reads. */
export const MEDIA_FIELDS =
  "id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,timestamp,username,like_count,comments_count";

/** The comment fields Plugboard reads. */
export const COMMENT_FIELDS = "id,text,timestamp,username,like_count,hidden,parent_id,replies";

/** A Graph API list envelope with cursor paging. */
export interface GraphList<T> {
  data: T[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string };
}

/** The cursor of the next page: only when the API says a next page exists. */
export function nextCursor(list: GraphList<unknown>): string | null {
  return list.paging?.next ? (list.paging.cursors?.after ?? null) : null;
}

/**
 * How the Graph API pages a list, for `context.paginate`: items in `data`, page size in
 * `limit`, and the `after` cursor, which is sent even on the last page, so it counts only when
 * `paging.next` is there. The cursor rather than the `next` URL is followed: Meta puts the
 * access token in that URL's query string.
 */
export const GRAPH_PAGES = {
  type: "cursor",
  cursorPath: (response: FetchResponse) => nextCursor(response.data as GraphList<unknown>),
  cursorParam: "after",
  items: "data",
  limitParam: "limit",
} as const satisfies Partial<PaginateOptions>;

/**
 * True for the Graph API's answer to an id that does not exist or that the account cannot see:
 * HTTP 400 with error code 100 ("Unsupported get request" / "does not exist").
 */
export function isUnknownObject(error: unknown): boolean {
  if (!(error instanceof HTTPError) || error.status !== 400) return false;
  const body = error.responseData as { error?: { code?: number } } | undefined;
  return body?.error?.code === 100;
}

// `/v23.0/{id}`, `/v23.0/{id}/comments`, `/v23.0/{id}/replies`: which object the id names.
const OBJECT_PATH = /^\/v[\d.]+\/([^/?]+)(?:\/(comments|replies))?\/?$/;

/**
 * The Graph API's "unknown object" answers as action errors naming the id and where to take a
 * valid one from; everything else (an expired token, 429, 5xx) is left to the platform.
 */
export const instagramErrors: ErrorMapper = (error) => {
  if (!(error instanceof HTTPError) || !isUnknownObject(error)) return error;
  const match = OBJECT_PATH.exec(new URL(error.url).pathname);
  if (!match?.[1] || match[1] === "me") return error;
  const id = decodeURIComponent(match[1]);
  const message =
    match[2] === "replies"
      ? `Instagram comment ${id} does not exist or is not on one of the connected account's posts: take the id from List Comments.`
      : `Instagram media ${id} does not exist or does not belong to the connected account: take the id from List Media.`;
  return new ActionError(message, { cause: error });
};
