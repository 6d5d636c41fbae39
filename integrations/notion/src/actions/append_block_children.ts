import { defineAction } from "../generated/contract.gen.ts";

/** Appends blocks to a page or block, at the end or after a given child. */
export const appendBlockChildren = defineAction(
  "append_block_children",
  async (inputs, context) => {
    const url = `/blocks/${encodeURIComponent(inputs.block_id)}/children`;
    const response = await context.fetch(url, {
      method: "PATCH",
      json: { children: inputs.children, after: inputs.after },
    });
    return { data: { results: response.data.results } };
  },
);
