import { ActionError } from "@plugboard/sdk";
import { defineAction } from "../generated/contract.gen.ts";

/** Updates a page's properties, icon or cover, or moves it to or from the trash. */
export const updatePage = defineAction("update_page", async (inputs, context) => {
  const { page_id: pageId, ...changes } = inputs;
  if (Object.keys(changes).length === 0) {
    throw new ActionError(
      `update_page on ${pageId} has nothing to change: give properties, archived, icon or cover.`,
    );
  }
  const page = await context.fetch(`/pages/${encodeURIComponent(pageId)}`, {
    method: "PATCH",
    json: changes,
  });
  return { data: { page: page.data } };
});
