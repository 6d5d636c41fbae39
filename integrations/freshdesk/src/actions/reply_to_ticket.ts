import { defineAction } from "../generated/contract.gen.ts";

/** Sends a public reply on a ticket. */
export const replyToTicket = defineAction("reply_to_ticket", async (inputs, context) => {
  const { ticket_id: ticketId, ...reply } = inputs;
  const response = await context.fetch(`/tickets/${ticketId}/reply`, {
    method: "POST",
    json: reply,
  });
  return { data: { conversation: response.data } };
});
