import { defineAction } from "../generated/contract.gen.ts";

/** Lists tickets with Freshdesk's filters, one page at a time. */
export const listTickets = defineAction("list_tickets", async (inputs, context) => {
  const response = await context.fetch(`/tickets`, { params: { ...inputs } });
  return { data: { tickets: response.data } };
});
