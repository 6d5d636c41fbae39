import { defineAction } from "../generated/contract.gen.ts";
import { NOTION_API, NOTION_HEADERS, toList } from "../notion-api.ts";

/** Returns one page of a database's rows matching a filter. */
export const queryDatabase = defineAction("query_database", async (inputs, context) => {
  const { database_id: databaseId, ...query } = inputs;
  const url = `${NOTION_API}/databases/${encodeURIComponent(databaseId)}/query`;
  const response = await context.fetch(url, {
    method: "POST",
    headers: NOTION_HEADERS,
    json: query,
  });
  return { data: toList(response.data) };
});
