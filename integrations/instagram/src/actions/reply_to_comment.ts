import { defineAction } from "../generated/contract.gen.ts";

/** Publicly replies to a top-level comment. */
export const replyToComment = defineAction("reply_to_comment", async (inputs, context) => {
  // The Graph API takes the reply text as a query parameter, not a body.
  const url = `/${encodeURIComponent(inputs.comment_id)}/replies`;
  const response = await context.fetch<{ id: string }>(url, {
    method: "POST",
    params: { message: inputs.message },
  });
  return { data: { id: response.data.id } };
});
