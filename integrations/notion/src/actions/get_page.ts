import { defineAction } from "../generated/contract.gen.ts";

/** Fetches one page with its properties. */
export const getPage = defineAction("get_page", async (inputs, context) => {
  const url = `/pages/${encodeURIComponent(inputs.page_id)}`;
  const page = await context.fetch(url);
  return { data: { page: page.data } };
});
