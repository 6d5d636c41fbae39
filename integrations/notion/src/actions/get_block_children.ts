import { defineAction } from "../generated/contract.gen.ts";
import { NOTION_API, NOTION_HEADERS, toList } from "../notion-api.ts";

/** Returns one page of the blocks directly inside a page or block. */
export const getBlockChildren = defineAction("get_block_children", async (inputs, context) => {
  const url = `${NOTION_API}/blocks/${encodeURIComponent(inputs.block_id)}/children`;
  const response = await context.fetch(url, {
    headers: NOTION_HEADERS,
    params: { start_cursor: inputs.start_cursor, page_size: inputs.page_size },
  });
  return { data: toList(response.data) };
});
