import { freshdesk } from "../freshdesk-api.ts";
import { defineAction } from "../generated/contract.gen.ts";

/** Returns one ticket with its description. */
export const getTicket = defineAction("get_ticket", async (inputs, context) => {
  const { baseUrl, headers } = freshdesk(context);
  const response = await context.fetch(`${baseUrl}/tickets/${inputs.ticket_id}`, { headers });
  return { data: { ticket: response.data } };
});
