import { freshdesk } from "../freshdesk-api.ts";
import { defineAction } from "../generated/contract.gen.ts";

/** Adds a note to a ticket, private unless told otherwise. */
export const addNote = defineAction("add_note", async (inputs, context) => {
  const { ticket_id: ticketId, ...note } = inputs;
  const { baseUrl, headers } = freshdesk(context);
  const response = await context.fetch(`${baseUrl}/tickets/${ticketId}/notes`, {
    method: "POST",
    headers,
    json: { ...note, private: note.private ?? true },
  });
  return { data: { conversation: response.data } };
});
