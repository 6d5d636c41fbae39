import { HTTPError } from "@plugboard/sdk";

/** The Instagram Graph API root (Instagram API with Instagram Login), pinned to one version. */
export const GRAPH_API = "https://graph.instagram.com/v23.0";

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
 * True for the Graph API's answer to an id that does not exist or that the account cannot see:
 * HTTP 400 with error code 100 ("Unsupported get request" / "does not exist").
 */
export function isUnknownObject(error: unknown): boolean {
  if (!(error instanceof HTTPError) || error.status !== 400) return false;
  const body = error.responseData as { error?: { code?: number } } | undefined;
  return body?.error?.code === 100;
}
