import { freshdesk } from "../freshdesk-api.ts";
import { defineAction } from "../generated/contract.gen.ts";

/** Returns one contact. */
export const getContact = defineAction("get_contact", async (inputs, context) => {
  const { baseUrl, headers } = freshdesk(context);
  const response = await context.fetch(`${baseUrl}/contacts/${inputs.contact_id}`, { headers });
  return { data: { contact: response.data } };
});
