import { ActionError } from "@plugboard/sdk";

/** The Google Tasks API root; every handler calls this origin. */
export const TASKS_API = "https://tasks.googleapis.com/tasks/v1";

/** Largest pages Google Tasks serves: 1,000 task lists, 100 tasks. */
export const PAGE_SIZE = { taskLists: 1000, tasks: 100 } as const;

/**
 * At most this many pages are read: 100,000 tasks, Google's limit per user, so a listing always
 * reaches its end while a misbehaving token cannot loop forever.
 */
export const MAX_PAGES = 1000;

/** How Google Tasks pages a collection, for `context.paginate`. */
export const GOOGLE_PAGES = {
  type: "cursor",
  cursorPath: "nextPageToken",
  cursorParam: "pageToken",
  items: "items",
  limitParam: "maxResults",
  maxPages: MAX_PAGES,
} as const;

/** The URL of a task list's tasks, or of one task in it. */
export function tasksUrl(taskListId: string, taskId?: string): string {
  const list = `${TASKS_API}/lists/${encodeURIComponent(taskListId)}/tasks`;
  return taskId === undefined ? list : `${list}/${encodeURIComponent(taskId)}`;
}

/** The URL of the user's task lists, or of one of them. */
export function taskListsUrl(taskListId?: string): string {
  const lists = `${TASKS_API}/users/@me/lists`;
  return taskListId === undefined ? lists : `${lists}/${encodeURIComponent(taskListId)}`;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Turns a due date into the RFC 3339 timestamp Google Tasks expects: a plain date becomes
 * midnight UTC (Google keeps only the date part).
 */
export function toDue(due: string): string {
  const value = DATE_ONLY.test(due) ? `${due}T00:00:00.000Z` : due;
  if (!RFC3339.test(value) || Number.isNaN(Date.parse(value))) {
    throw new ActionError(
      `due "${due}" is not a date: use YYYY-MM-DD (e.g. 2026-12-01) or an RFC 3339 timestamp.`,
    );
  }
  return value;
}
