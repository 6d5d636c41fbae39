import { definePollingTrigger } from "../generated/contract.gen.ts";
import { fetchStories } from "../story-list.ts";

/**
 * Yields the newest stories submitted after the last poll (all of the newest on the first poll),
 * keyed by their Hacker News id so the platform delivers each story once.
 */
export const newStories = definePollingTrigger(
  "new_stories",
  async (inputs, lastPollTs, context) => {
    const since = lastPollTs === null ? null : Date.parse(lastPollTs) / 1000;
    const stories = await fetchStories(context, "newstories", inputs.limit ?? 30);
    return stories
      .filter((story) => since === null || Number.isNaN(since) || story.time > since)
      .filter((story) => story.score === null || story.score >= (inputs.min_score ?? 0))
      .map((story) => ({ id: String(story.id), data: story }));
  },
);
