import { defineAction } from "../generated/contract.gen.ts";
import { NOTION_API, NOTION_HEADERS } from "../notion-api.ts";

/** Fetches one page with its properties. */
export const getPage = defineAction("get_page", async (inputs, context) => {
  const url = `${NOTION_API}/pages/${encodeURIComponent(inputs.page_id)}`;
  const page = await context.fetch(url, { headers: NOTION_HEADERS });
  return { data: { page: page.data } };
});
