import { defineAction } from "../generated/contract.gen.ts";

/** Path traversal in a name */
export const escape = defineAction("../../escape", async (inputs, context) => {
  throw new Error("The \"../../escape\" action is not implemented yet: write it in src/actions/escape.ts.");
});
