import { defineAction } from "../generated/contract.gen.ts";

/** A root oneOf output. */
export const either = defineAction("either", async (inputs, context) => {
  throw new Error("The \"either\" action is not implemented yet: write it in src/actions/either.ts.");
});
