import { defineAction } from "../generated/contract.gen.ts";
import { COMMENT_FIELDS, GRAPH_PAGES, type GraphList } from "../instagram-api.ts";

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
  const page = await context
    .paginate<GraphComment>(`/${encodeURIComponent(inputs.media_id)}/comments`, {
      ...GRAPH_PAGES,
      limit: inputs.limit ?? 25,
      params: { fields: COMMENT_FIELDS, after: inputs.after },
    })
    .firstPage();
  const comments = page.items.map((c) => ({
    id: c.id,
    text: c.text,
    timestamp: c.timestamp,
    username: c.username ?? null,
    like_count: c.like_count ?? null,
    hidden: c.hidden ?? false,
    parent_id: c.parent_id ?? null,
    reply_count: c.replies?.data.length ?? 0,
  }));
  return { data: { comments, next_cursor: page.next ?? null } };
});
