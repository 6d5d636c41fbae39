import { defineAction } from "../generated/contract.gen.ts";
import type { QueryDatabaseOutput } from "../generated/types.gen.ts";
import { NOTION_PAGES, toList } from "../notion-api.ts";

type Row = QueryDatabaseOutput["results"][number];

/** Returns one page of a database's rows matching a filter. */
export const queryDatabase = defineAction("query_database", async (inputs, context) => {
  const { database_id: databaseId, page_size: pageSize, ...query } = inputs;
  const page = await context
    .paginate<Row>(`/databases/${encodeURIComponent(databaseId)}/query`, {
      ...NOTION_PAGES,
      cursorIn: "body",
      method: "POST",
      json: query,
      limit: pageSize,
    })
    .firstPage();
  return { data: toList(page) };
});
