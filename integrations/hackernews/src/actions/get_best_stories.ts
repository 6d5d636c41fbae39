import { defineAction } from "../generated/contract.gen.ts";
import { fetchStories } from "../story-list.ts";

/** Returns the highest-voted recent stories. */
export const getBestStories = defineAction("get_best_stories", async (inputs, context) => ({
  data: { stories: await fetchStories(context, "beststories", inputs.limit ?? 30) },
}));
