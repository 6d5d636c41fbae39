import { ActionError } from "@plugboard/sdk";
import { defineAction } from "../generated/contract.gen.ts";

/** Changes the given fields of a ticket. */
export const updateTicket = defineAction("update_ticket", async (inputs, context) => {
  const { ticket_id: ticketId, ...changes } = inputs;
  if (Object.keys(changes).length === 0) {
    throw new ActionError(`update_ticket on ticket ${ticketId} has no field to change.`);
  }
  const response = await context.fetch(`/tickets/${ticketId}`, {
    method: "PUT",
    json: changes,
  });
  return { data: { ticket: response.data } };
});
