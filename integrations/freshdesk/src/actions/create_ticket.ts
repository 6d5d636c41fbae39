import { ActionError } from "@plugboard/sdk";
import { defineAction } from "../generated/contract.gen.ts";

/** Opens a ticket for a requester given by email, phone or contact id. */
export const createTicket = defineAction("create_ticket", async (inputs, context) => {
  if (
    inputs.email === undefined &&
    inputs.requester_id === undefined &&
    inputs.phone === undefined
  ) {
    throw new ActionError(
      "create_ticket needs a requester: give email, requester_id or phone (with name).",
    );
  }
  const response = await context.fetch(`/tickets`, {
    method: "POST",
    json: inputs,
  });
  return { data: { ticket: response.data } };
});
