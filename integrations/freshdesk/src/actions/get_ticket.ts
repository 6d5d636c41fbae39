import { defineAction } from "../generated/contract.gen.ts";

/** Returns one ticket with its description. */
export const getTicket = defineAction("get_ticket", async (inputs, context) => {
  const response = await context.fetch(`/tickets/${inputs.ticket_id}`);
  return { data: { ticket: response.data } };
});
