import { defineAction } from "../generated/contract.gen.ts";

/** Returns one contact. */
export const getContact = defineAction("get_contact", async (inputs, context) => {
  const response = await context.fetch(`/contacts/${inputs.contact_id}`);
  return { data: { contact: response.data } };
});
