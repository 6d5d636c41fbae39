import { defineAction } from "../generated/contract.gen.ts";
import { fetchStories } from "../story-list.ts";

/** Returns the newest submitted stories. */
export const getNewStories = defineAction("get_new_stories", async (inputs, context) => ({
  data: { stories: await fetchStories(context, "newstories", inputs.limit ?? 30) },
}));
