import { defineAction } from "../generated/contract.gen.ts";

/** Adds a note to a ticket, private unless told otherwise. */
export const addNote = defineAction("add_note", async (inputs, context) => {
  const { ticket_id: ticketId, ...note } = inputs;
  const response = await context.fetch(`/tickets/${ticketId}/notes`, {
    method: "POST",
    json: { ...note, private: note.private ?? true },
  });
  return { data: { conversation: response.data } };
});
