import { defineAction } from "../generated/contract.gen.ts";
import type { SearchOutput } from "../generated/types.gen.ts";
import { NOTION_PAGES, toList } from "../notion-api.ts";

type Found = SearchOutput["results"][number];

/** Searches the titles of shared pages and databases. */
export const search = defineAction("search", async (inputs, context) => {
  const body = {
    query: inputs.query,
    filter: inputs.filter && { property: "object", value: inputs.filter },
    sort: inputs.sort_direction && {
      timestamp: "last_edited_time",
      direction: inputs.sort_direction,
    },
    start_cursor: inputs.start_cursor,
  };
  const page = await context
    .paginate<Found>("/search", {
      ...NOTION_PAGES,
      cursorIn: "body",
      method: "POST",
      json: body,
      limit: inputs.page_size,
    })
    .firstPage();
  return { data: toList(page) };
});
