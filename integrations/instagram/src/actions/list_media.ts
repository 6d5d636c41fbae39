import { defineAction } from "../generated/contract.gen.ts";
import { GRAPH_API, type GraphList, MEDIA_FIELDS, nextCursor } from "../instagram-api.ts";
import { type GraphMedia, toMedia } from "../media.ts";

/** Lists the account's media, newest first, one page at a time. */
export const listMedia = defineAction("list_media", async (inputs, context) => {
  const response = await context.fetch<GraphList<GraphMedia>>(`${GRAPH_API}/me/media`, {
    params: { fields: MEDIA_FIELDS, limit: inputs.limit ?? 25, after: inputs.after },
  });
  return {
    data: { media: response.data.data.map(toMedia), next_cursor: nextCursor(response.data) },
  };
});
