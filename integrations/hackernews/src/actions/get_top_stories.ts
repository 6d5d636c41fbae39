import { defineAction } from "../generated/contract.gen.ts";
import { fetchStories } from "../story-list.ts";

/** Returns the stories currently ranked on the front page. */
export const getTopStories = defineAction("get_top_stories", async (inputs, context) => ({
  data: { stories: await fetchStories(context, "topstories", inputs.limit ?? 30) },
}));
