import { ActionError } from "@plugboard/sdk";
import { freshdesk } from "../freshdesk-api.ts";
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
  const { baseUrl, headers } = freshdesk(context);
  const response = await context.fetch(`${baseUrl}/tickets`, {
    method: "POST",
    headers,
    json: inputs,
  });
  return { data: { ticket: response.data } };
});
