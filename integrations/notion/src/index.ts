import { appendBlockChildren } from "./actions/append_block_children.ts";
import { createPage } from "./actions/create_page.ts";
import { getBlockChildren } from "./actions/get_block_children.ts";
import { getPage } from "./actions/get_page.ts";
import { queryDatabase } from "./actions/query_database.ts";
import { search } from "./actions/search.ts";
import { updatePage } from "./actions/update_page.ts";
import { createIntegration, type Handlers } from "./generated/contract.gen.ts";
import { notionErrors, notionRequests } from "./notion-api.ts";

/**
 * The Notion integration, ready to execute actions: the API root and `Notion-Version` are
 * declared once, and Notion's 400s become action errors with its own message.
 */
export const integration = createIntegration({
  actions: {
    search,
    get_page: getPage,
    create_page: createPage,
    update_page: updatePage,
    query_database: queryDatabase,
    get_block_children: getBlockChildren,
    append_block_children: appendBlockChildren,
  } satisfies Handlers,
})
  .requests(notionRequests)
  .mapErrors(notionErrors);
