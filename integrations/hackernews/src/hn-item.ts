import type { ExecutionContext, RequestsOptions } from "@plugboard/sdk";
import type { GetTopStoriesOutput } from "./generated/types.gen.ts";

/** The Hacker News Firebase API root; handlers pass paths relative to it. */
export const HN_API = "https://hacker-news.firebaseio.com/v0";

/** Where the API is, declared once; it is public, so no auth. */
export const hackerNewsRequests: RequestsOptions<unknown> = { baseUrl: HN_API };

/** An item as the Hacker News API returns it: every field but `id` may be missing. */
export interface HnItem {
  id: number;
  type?: "job" | "story" | "comment" | "poll" | "pollopt";
  by?: string;
  time?: number;
  title?: string;
  url?: string;
  text?: string;
  score?: number;
  descendants?: number;
  kids?: number[];
  parent?: number;
  deleted?: boolean;
  dead?: boolean;
}

/** A normalised item, as the actions and the trigger return it. */
export type Item = GetTopStoriesOutput["stories"][number];

/** Fetches one item; `null` when the API has no such item (it answers `null`, not 404). */
export async function fetchItem<C>(
  context: ExecutionContext<C>,
  id: number,
): Promise<HnItem | null> {
  const response = await context.fetch<HnItem | null>(`/item/${id}.json`);
  return response.data ?? null;
}

/** Turns an API item into Plugboard's shape, with `null` for fields the API left out. */
export function toItem(raw: HnItem): Item {
  return {
    id: raw.id,
    type: raw.type ?? "story",
    by: raw.by ?? null,
    time: raw.time ?? 0,
    title: raw.title ?? null,
    url: raw.url ?? null,
    text: raw.text ?? null,
    score: raw.score ?? null,
    descendants: raw.descendants ?? null,
    kids_count: raw.kids?.length ?? 0,
    hn_url: `https://news.ycombinator.com/item?id=${raw.id}`,
  };
}
