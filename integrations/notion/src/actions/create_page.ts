import { ActionError } from "@plugboard/sdk";
import { defineAction } from "../generated/contract.gen.ts";

/** Creates a page under a page, or as a database row, with optional content blocks. */
export const createPage = defineAction("create_page", async (inputs, context) => {
  const { parent_page_id: pageId, parent_database_id: databaseId } = inputs;
  if ((pageId === undefined) === (databaseId === undefined)) {
    throw new ActionError(
      "create_page needs exactly one parent: give parent_page_id or parent_database_id, not both or neither.",
    );
  }
  const parent = pageId !== undefined ? { page_id: pageId } : { database_id: databaseId };
  const properties: Record<string, unknown> = { ...inputs.properties };
  if (inputs.title !== undefined) {
    properties[inputs.title_property ?? "title"] = {
      title: [{ type: "text", text: { content: inputs.title } }],
    };
  }
  const page = await context.fetch("/pages", {
    method: "POST",
    json: { parent, properties, children: inputs.children, icon: inputs.icon, cover: inputs.cover },
  });
  return { data: { page: page.data } };
});
