import { ActionError } from "@plugboard/sdk";
import { fetchThread } from "../comment-thread.ts";
import { defineAction } from "../generated/contract.gen.ts";
import { fetchItem, toItem } from "../hn-item.ts";

/** Returns one item and, unless told not to, its comment thread within the given bounds. */
export const getItem = defineAction("get_item", async (inputs, context) => {
  const raw = await fetchItem(context, inputs.item_id);
  if (raw === null) {
    throw new ActionError(`Hacker News has no item ${inputs.item_id}: check the id.`);
  }
  if (inputs.include_comments === false) {
    return { data: { item: toItem(raw), comments: [], comments_truncated: false } };
  }
  const thread = await fetchThread(context, raw, inputs.max_depth ?? 3, inputs.max_comments ?? 50);
  return {
    data: { item: toItem(raw), comments: thread.comments, comments_truncated: thread.truncated },
  };
});
