import { defineAction } from "../generated/contract.gen.ts";
import { NOTION_API, NOTION_HEADERS } from "../notion-api.ts";

/** Appends blocks to a page or block, at the end or after a given child. */
export const appendBlockChildren = defineAction(
  "append_block_children",
  async (inputs, context) => {
    const url = `${NOTION_API}/blocks/${encodeURIComponent(inputs.block_id)}/children`;
    const response = await context.fetch(url, {
      method: "PATCH",
      headers: NOTION_HEADERS,
      json: { children: inputs.children, after: inputs.after },
    });
    return { data: { results: response.data.results } };
  },
);
