import { defineAction } from "../generated/contract.gen.ts";

/** Lists the replies and notes of a ticket. */
export const listConversations = defineAction("list_conversations", async (inputs, context) => {
  const { ticket_id: ticketId, ...page } = inputs;
  const response = await context.fetch(`/tickets/${ticketId}/conversations`, {
    params: page,
  });
  return { data: { conversations: response.data } };
});
