import { freshdesk } from "../freshdesk-api.ts";
import { defineAction } from "../generated/contract.gen.ts";

/** Sends a public reply on a ticket. */
export const replyToTicket = defineAction("reply_to_ticket", async (inputs, context) => {
  const { ticket_id: ticketId, ...reply } = inputs;
  const { baseUrl, headers } = freshdesk(context);
  const response = await context.fetch(`${baseUrl}/tickets/${ticketId}/reply`, {
    method: "POST",
    headers,
    json: reply,
  });
  return { data: { conversation: response.data } };
});
