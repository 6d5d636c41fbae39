/** Resources shaped like the Google Tasks API v1's documented responses. */

const SELF = "https://www.googleapis.com/tasks/v1";

/** A task list resource. */
export function taskList(id: string, title: string) {
  return {
    kind: "tasks#taskList",
    id,
    etag: `"${id.slice(0, 8)}-etag"`,
    title,
    updated: "2026-11-20T08:15:30.000Z",
    selfLink: `${SELF}/users/@me/lists/${id}`,
  };
}

/** A task resource; fields Google leaves out when empty are left out here too. */
export function task(id: string, title: string, extra: Record<string, unknown> = {}) {
  return {
    kind: "tasks#task",
    id,
    etag: `"${id}-etag"`,
    title,
    updated: "2026-11-20T08:15:30.000Z",
    selfLink: `${SELF}/lists/MTAxNzY0NjQ2MTk0MjU5MDk4NzE6MDow/tasks/${id}`,
    position: "00000000000000000000",
    status: "needsAction",
    links: [],
    webViewLink: `https://tasks.google.com/task/${id}?sa=6`,
    ...extra,
  };
}

/** A collection page as tasklists.list and tasks.list return it. */
export function page(kind: string, items: unknown[], nextPageToken?: string) {
  return { kind, etag: '"collection-etag"', ...(nextPageToken ? { nextPageToken } : {}), items };
}

/** Google's error body. */
export function googleError(code: number, message: string, status: string, reason: string) {
  return { error: { code, message, errors: [{ message, domain: "global", reason }], status } };
}
