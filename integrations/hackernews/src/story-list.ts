import type { ExecutionContext } from "@plugboard/sdk";
import { fetchItem, type HnItem, type Item, toItem } from "./hn-item.ts";

/** The ranked story lists the API publishes. */
export type StoryList = "topstories" | "newstories" | "beststories";

// Items are fetched one request each; a few at a time keeps a 100-story list quick without
// opening 100 sockets at once.
const CONCURRENCY = 8;

/**
 * Fetches the first `limit` live stories of a ranked list, in ranking order. Not
 * `context.paginate`: the API pages nothing. A list is one array of up to 500 ids, and each
 * story is its own request by id, so the bound is `slice(0, limit)` and the work is fetching
 * items concurrently.
 */
export async function fetchStories<C>(
  context: ExecutionContext<C>,
  list: StoryList,
  limit: number,
): Promise<Item[]> {
  const ids = (await context.fetch<number[] | null>(`/${list}.json`)).data ?? [];
  const wanted = ids.slice(0, limit);
  const items: Array<HnItem | null> = new Array(wanted.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const index = next++;
      items[index] = await fetchItem(context, wanted[index] as number);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, wanted.length) }, worker));
  return items
    .filter((item): item is HnItem => item !== null && !item.deleted && !item.dead)
    .map(toItem);
}
