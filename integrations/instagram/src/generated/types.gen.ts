// provisional
export interface GetProfileInput {

}
export interface GetProfileOutput {
/**
 * The professional account's Instagram id (the id used in webhooks and mentions).
 */
user_id: string
username: string
/**
 * Display name.
 */
name: (string | null)
/**
 * Professional account kind.
 */
account_type: ("BUSINESS" | "MEDIA_CREATOR")
/**
 * Avatar image.
 */
profile_picture_url: (string | null)
/**
 * Bio text.
 */
biography?: (string | null)
/**
 * Website in the bio.
 */
website?: (string | null)
followers_count: number
follows_count: number
media_count: number
[k: string]: unknown
}
export interface ListMediaInput {
/**
 * Results per page (1-100, default 25).
 */
limit?: number
/**
 * The next_cursor of a previous call, to get the next page.
 */
after?: string
}
export interface ListMediaOutput {
media: {
id: string
/**
 * Caption text; null when none.
 */
caption: (string | null)
media_type: ("IMAGE" | "VIDEO" | "CAROUSEL_ALBUM")
/**
 * FEED, REELS, STORY or AD.
 */
media_product_type?: (string | null)
/**
 * The image or video file; null when Instagram withholds it (e.g. copyrighted audio).
 */
media_url: (string | null)
/**
 * Video thumbnail; null for images.
 */
thumbnail_url?: (string | null)
/**
 * The post on instagram.com.
 */
permalink: string
/**
 * Publication time, ISO 8601.
 */
timestamp: string
/**
 * The owner's username.
 */
username?: string
/**
 * Likes; null when the owner hides them.
 */
like_count: (number | null)
/**
 * Comments.
 */
comments_count: (number | null)
[k: string]: unknown
}[]
/**
 * Pass as after to get the next page; null on the last page.
 */
next_cursor: (string | null)
[k: string]: unknown
}
export interface GetMediaInput {
/**
 * The media id (from List Media).
 */
media_id: string
}
export interface GetMediaOutput {
media: {
id: string
/**
 * Caption text; null when none.
 */
caption: (string | null)
media_type: ("IMAGE" | "VIDEO" | "CAROUSEL_ALBUM")
/**
 * FEED, REELS, STORY or AD.
 */
media_product_type?: (string | null)
/**
 * The image or video file; null when Instagram withholds it (e.g. copyrighted audio).
 */
media_url: (string | null)
/**
 * Video thumbnail; null for images.
 */
thumbnail_url?: (string | null)
/**
 * The post on instagram.com.
 */
permalink: string
/**
 * Publication time, ISO 8601.
 */
timestamp: string
/**
 * The owner's username.
 */
username?: string
/**
 * Likes; null when the owner hides them.
 */
like_count: (number | null)
/**
 * Comments.
 */
comments_count: (number | null)
[k: string]: unknown
}
[k: string]: unknown
}
export interface ListCommentsInput {
/**
 * The media id (from List Media).
 */
media_id: string
/**
 * Results per page (1-100, default 25).
 */
limit?: number
/**
 * The next_cursor of a previous call, to get the next page.
 */
after?: string
}
export interface ListCommentsOutput {
comments: {
id: string
text: string
/**
 * ISO 8601.
 */
timestamp: string
/**
 * Commenter's username.
 */
username: (string | null)
/**
 * Likes on the comment.
 */
like_count: (number | null)
/**
 * True when the account hid the comment.
 */
hidden?: boolean
/**
 * The comment this one replies to; null for a top-level comment.
 */
parent_id: (string | null)
/**
 * Replies included in the first page Instagram returns.
 */
reply_count?: number
[k: string]: unknown
}[]
/**
 * Pass as after to get the next page; null on the last page.
 */
next_cursor: (string | null)
[k: string]: unknown
}
export interface ReplyToCommentInput {
/**
 * The comment to reply to (from List Comments).
 */
comment_id: string
/**
 * Reply text, up to 2,200 characters.
 */
message: string
}
export interface ReplyToCommentOutput {
/**
 * Id of the new reply.
 */
id: string
[k: string]: unknown
}
export type Credentials = Record<string, unknown>;
export interface Actions {
  get_profile: { input: GetProfileInput; output: GetProfileOutput };
  list_media: { input: ListMediaInput; output: ListMediaOutput };
  get_media: { input: GetMediaInput; output: GetMediaOutput };
  list_comments: { input: ListCommentsInput; output: ListCommentsOutput };
  reply_to_comment: { input: ReplyToCommentInput; output: ReplyToCommentOutput };
}
export interface Triggers {

}
