import { defineAction } from "../generated/contract.gen.ts";
import type { GetBlockChildrenOutput } from "../generated/types.gen.ts";
import { NOTION_PAGES, toList } from "../notion-api.ts";

type Block = GetBlockChildrenOutput["results"][number];

/** Returns one page of the blocks directly inside a page or block. */
export const getBlockChildren = defineAction("get_block_children", async (inputs, context) => {
  const page = await context
    .paginate<Block>(`/blocks/${encodeURIComponent(inputs.block_id)}/children`, {
      ...NOTION_PAGES,
      limit: inputs.page_size,
      params: { start_cursor: inputs.start_cursor },
    })
    .firstPage();
  return { data: toList(page) };
});
