import { defineAction } from "../generated/contract.gen.ts";
import { NOTION_API, NOTION_HEADERS, toList } from "../notion-api.ts";

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
    page_size: inputs.page_size,
  };
  const response = await context.fetch(`${NOTION_API}/search`, {
    method: "POST",
    headers: NOTION_HEADERS,
    json: body,
  });
  return { data: toList(response.data) };
});
