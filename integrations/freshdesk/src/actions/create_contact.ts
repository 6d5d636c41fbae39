import { ActionError } from "@plugboard/sdk";
import { defineAction } from "../generated/contract.gen.ts";

/** Creates a contact reachable by email, phone, mobile or Twitter. */
export const createContact = defineAction("create_contact", async (inputs, context) => {
  const { email, phone, mobile, twitter_id: twitterId } = inputs;
  if (!email && !phone && !mobile && !twitterId) {
    throw new ActionError(
      `create_contact for "${inputs.name}" needs a way to reach them: give email, phone, mobile or twitter_id.`,
    );
  }
  const response = await context.fetch(`/contacts`, {
    method: "POST",
    json: inputs,
  });
  return { data: { contact: response.data } };
});
