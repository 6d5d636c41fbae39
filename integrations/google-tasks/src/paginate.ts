import { ActionError, type ExecutionContext } from "@plugboard/sdk";

/** Largest pages Google Tasks serves: 1,000 task lists, 100 tasks. */
export const PAGE_SIZE = { taskLists: 1000, tasks: 100 } as const;

/**
 * At most this many pages are read: 100,000 tasks, Google's limit per user, so a listing always
 * reaches its end while a misbehaving token cannot loop forever.
 */
export const MAX_PAGES = 1000;

/** A Google Tasks collection page. */
interface Page<T> {
  items?: T[];
  nextPageToken?: string;
}

/** Reads every page of a collection by following `nextPageToken` to the end. */
export async function fetchAllPages<T>(
  context: Pick<ExecutionContext, "fetch">,
  url: string,
  pageSize: number,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await context.fetch<Page<T>>(url, {
      params: { ...params, maxResults: pageSize, pageToken },
    });
    items.push(...(response.data.items ?? []));
    pageToken = response.data.nextPageToken;
    if (!pageToken) return items;
    if (seen.has(pageToken)) {
      throw new ActionError(
        `Google Tasks returned page token "${pageToken}" twice while listing ${url}; stopped to avoid looping. Retry later.`,
      );
    }
    seen.add(pageToken);
  }
  throw new ActionError(
    `${url} has more than ${MAX_PAGES} pages of ${pageSize} items; Plugboard stops there. Narrow the listing (e.g. show_completed false, due_min).`,
  );
}
