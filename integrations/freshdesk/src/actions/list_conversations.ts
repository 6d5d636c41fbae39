import { freshdesk } from "../freshdesk-api.ts";
import { defineAction } from "../generated/contract.gen.ts";

/** Lists the replies and notes of a ticket. */
export const listConversations = defineAction("list_conversations", async (inputs, context) => {
  const { ticket_id: ticketId, ...page } = inputs;
  const { baseUrl, headers } = freshdesk(context);
  const response = await context.fetch(`${baseUrl}/tickets/${ticketId}/conversations`, {
    headers,
    params: page,
  });
  return { data: { conversations: response.data } };
});
