import { defineAction } from "../generated/contract.gen.ts";
import { COMMENT_FIELDS, GRAPH_API, type GraphList, nextCursor } from "../instagram-api.ts";

interface GraphComment {
  id: string;
  text: string;
  timestamp: string;
  username?: string;
  like_count?: number;
  hidden?: boolean;
  parent_id?: string;
  replies?: GraphList<unknown>;
}

/** Lists the top-level comments on one media object, one page at a time. */
export const listComments = defineAction("list_comments", async (inputs, context) => {
  const url = `${GRAPH_API}/${encodeURIComponent(inputs.media_id)}/comments`;
  const response = await context.fetch<GraphList<GraphComment>>(url, {
    params: { fields: COMMENT_FIELDS, limit: inputs.limit ?? 25, after: inputs.after },
  });
  const comments = response.data.data.map((c) => ({
    id: c.id,
    text: c.text,
    timestamp: c.timestamp,
    username: c.username ?? null,
    like_count: c.like_count ?? null,
    hidden: c.hidden ?? false,
    parent_id: c.parent_id ?? null,
    reply_count: c.replies?.data.length ?? 0,
  }));
  return { data: { comments, next_cursor: nextCursor(response.data) } };
});
