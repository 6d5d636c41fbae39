// provisional
export interface GetTopStoriesInput {
/**
 * How many top stories to return (1-100, default 30).
 */
limit?: number
}
export interface GetTopStoriesOutput {
/**
 * Stories in Hacker News order; deleted and dead items are skipped.
 * 
 * Items: A Hacker News item, normalised: fields the API leaves out are null.
 */
stories: {
/**
 * The item's unique id.
 */
id: number
/**
 * What kind of item this is.
 */
type: ("job" | "story" | "comment" | "poll" | "pollopt")
/**
 * Username of the author; null when deleted.
 */
by: (string | null)
/**
 * Creation time, Unix seconds.
 */
time: number
/**
 * Title of a story, poll or job.
 */
title: (string | null)
/**
 * Link of a story; null for Ask HN and text posts.
 */
url: (string | null)
/**
 * Body text as HTML (comments, Ask HN, jobs).
 */
text: (string | null)
/**
 * Points of a story or poll.
 */
score: (number | null)
/**
 * Total comment count of a story or poll.
 */
descendants: (number | null)
/**
 * Number of direct replies.
 */
kids_count: number
/**
 * The item's discussion page on news.ycombinator.com.
 */
hn_url: string
[k: string]: unknown
}[]
[k: string]: unknown
}
export interface GetNewStoriesInput {
/**
 * How many new stories to return (1-100, default 30).
 */
limit?: number
}
export interface GetNewStoriesOutput {
/**
 * Stories in Hacker News order; deleted and dead items are skipped.
 * 
 * Items: A Hacker News item, normalised: fields the API leaves out are null.
 */
stories: {
/**
 * The item's unique id.
 */
id: number
/**
 * What kind of item this is.
 */
type: ("job" | "story" | "comment" | "poll" | "pollopt")
/**
 * Username of the author; null when deleted.
 */
by: (string | null)
/**
 * Creation time, Unix seconds.
 */
time: number
/**
 * Title of a story, poll or job.
 */
title: (string | null)
/**
 * Link of a story; null for Ask HN and text posts.
 */
url: (string | null)
/**
 * Body text as HTML (comments, Ask HN, jobs).
 */
text: (string | null)
/**
 * Points of a story or poll.
 */
score: (number | null)
/**
 * Total comment count of a story or poll.
 */
descendants: (number | null)
/**
 * Number of direct replies.
 */
kids_count: number
/**
 * The item's discussion page on news.ycombinator.com.
 */
hn_url: string
[k: string]: unknown
}[]
[k: string]: unknown
}
export interface GetBestStoriesInput {
/**
 * How many best stories to return (1-100, default 30).
 */
limit?: number
}
export interface GetBestStoriesOutput {
/**
 * Stories in Hacker News order; deleted and dead items are skipped.
 * 
 * Items: A Hacker News item, normalised: fields the API leaves out are null.
 */
stories: {
/**
 * The item's unique id.
 */
id: number
/**
 * What kind of item this is.
 */
type: ("job" | "story" | "comment" | "poll" | "pollopt")
/**
 * Username of the author; null when deleted.
 */
by: (string | null)
/**
 * Creation time, Unix seconds.
 */
time: number
/**
 * Title of a story, poll or job.
 */
title: (string | null)
/**
 * Link of a story; null for Ask HN and text posts.
 */
url: (string | null)
/**
 * Body text as HTML (comments, Ask HN, jobs).
 */
text: (string | null)
/**
 * Points of a story or poll.
 */
score: (number | null)
/**
 * Total comment count of a story or poll.
 */
descendants: (number | null)
/**
 * Number of direct replies.
 */
kids_count: number
/**
 * The item's discussion page on news.ycombinator.com.
 */
hn_url: string
[k: string]: unknown
}[]
[k: string]: unknown
}
export interface GetItemInput {
/**
 * The Hacker News item id, as in news.ycombinator.com/item?id=<id>.
 */
item_id: number
/**
 * Fetch the comment thread (default true).
 */
include_comments?: boolean
/**
 * How many levels of replies to follow (1-10, default 3).
 */
max_depth?: number
/**
 * Stop after this many comments (1-200, default 50).
 */
max_comments?: number
}
export interface GetItemOutput {
/**
 * A Hacker News item, normalised: fields the API leaves out are null.
 */
item: {
/**
 * The item's unique id.
 */
id: number
/**
 * What kind of item this is.
 */
type: ("job" | "story" | "comment" | "poll" | "pollopt")
/**
 * Username of the author; null when deleted.
 */
by: (string | null)
/**
 * Creation time, Unix seconds.
 */
time: number
/**
 * Title of a story, poll or job.
 */
title: (string | null)
/**
 * Link of a story; null for Ask HN and text posts.
 */
url: (string | null)
/**
 * Body text as HTML (comments, Ask HN, jobs).
 */
text: (string | null)
/**
 * Points of a story or poll.
 */
score: (number | null)
/**
 * Total comment count of a story or poll.
 */
descendants: (number | null)
/**
 * Number of direct replies.
 */
kids_count: number
/**
 * The item's discussion page on news.ycombinator.com.
 */
hn_url: string
[k: string]: unknown
}
/**
 * The thread in reading order (depth-first), bounded by max_depth and max_comments.
 */
comments: {
/**
 * The comment's id.
 */
id: number
/**
 * Id of the item this comment replies to.
 */
parent: number
/**
 * 1 for a direct reply to the item, 2 for a reply to that, and so on.
 */
depth: number
/**
 * Username of the author; null when deleted.
 */
by: (string | null)
/**
 * Creation time, Unix seconds.
 */
time: number
/**
 * Comment body as HTML; null when deleted.
 */
text: (string | null)
/**
 * True when the comment was deleted.
 */
deleted: boolean
/**
 * True when the comment was flagged dead.
 */
dead: boolean
/**
 * Number of direct replies.
 */
kids_count: number
[k: string]: unknown
}[]
/**
 * True when replies were left out because of max_depth or max_comments.
 */
comments_truncated: boolean
[k: string]: unknown
}
export interface GetUserInput {
/**
 * The username, case-sensitive.
 */
username: string
}
export interface GetUserOutput {
/**
 * The username.
 */
id: string
/**
 * Account creation time, Unix seconds.
 */
created: number
/**
 * The user's karma.
 */
karma: number
/**
 * Self-description as HTML; null when empty.
 */
about: (string | null)
/**
 * How many stories, comments and polls the user submitted.
 */
submission_count: number
/**
 * Ids of the 30 latest submissions, newest first.
 * 
 * @maxItems 30
 */
recent_submissions: number[]
/**
 * The profile page on news.ycombinator.com.
 */
profile_url: string
[k: string]: unknown
}
export interface NewStoriesTriggerInput {
/**
 * Only yield stories with at least this score.
 */
min_score?: number
/**
 * How many of the newest stories to look at per poll (1-100, default 30).
 */
limit?: number
}
/**
 * A Hacker News item, normalised: fields the API leaves out are null.
 */
export interface NewStoriesRecord {
/**
 * The item's unique id.
 */
id: number
/**
 * What kind of item this is.
 */
type: ("job" | "story" | "comment" | "poll" | "pollopt")
/**
 * Username of the author; null when deleted.
 */
by: (string | null)
/**
 * Creation time, Unix seconds.
 */
time: number
/**
 * Title of a story, poll or job.
 */
title: (string | null)
/**
 * Link of a story; null for Ask HN and text posts.
 */
url: (string | null)
/**
 * Body text as HTML (comments, Ask HN, jobs).
 */
text: (string | null)
/**
 * Points of a story or poll.
 */
score: (number | null)
/**
 * Total comment count of a story or poll.
 */
descendants: (number | null)
/**
 * Number of direct replies.
 */
kids_count: number
/**
 * The item's discussion page on news.ycombinator.com.
 */
hn_url: string
}
export type Credentials = Record<string, unknown>;
export interface Actions {
  get_top_stories: { input: GetTopStoriesInput; output: GetTopStoriesOutput };
  get_new_stories: { input: GetNewStoriesInput; output: GetNewStoriesOutput };
  get_best_stories: { input: GetBestStoriesInput; output: GetBestStoriesOutput };
  get_item: { input: GetItemInput; output: GetItemOutput };
  get_user: { input: GetUserInput; output: GetUserOutput };
}
export interface Triggers {
  new_stories: { input: NewStoriesTriggerInput; record: NewStoriesRecord };
}
