import { defineAction } from "../generated/contract.gen.ts";

/** Lists contacts with Freshdesk's filters, one page at a time. */
export const listContacts = defineAction("list_contacts", async (inputs, context) => {
  const response = await context.fetch(`/contacts`, { params: { ...inputs } });
  return { data: { contacts: response.data } };
});
