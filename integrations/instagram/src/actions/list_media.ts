import { defineAction } from "../generated/contract.gen.ts";
import { GRAPH_PAGES, MEDIA_FIELDS } from "../instagram-api.ts";
import { type GraphMedia, toMedia } from "../media.ts";

/** Lists the account's media, newest first, one page at a time. */
export const listMedia = defineAction("list_media", async (inputs, context) => {
  const page = await context
    .paginate<GraphMedia>("/me/media", {
      ...GRAPH_PAGES,
      limit: inputs.limit ?? 25,
      params: { fields: MEDIA_FIELDS, after: inputs.after },
    })
    .firstPage();
  return { data: { media: page.items.map(toMedia), next_cursor: page.next ?? null } };
});
