import { defineAction } from "../generated/contract.gen.ts";

/** Reserved word */
export const delete_ = defineAction("delete", async (inputs, context) => {
  throw new Error("The \"delete\" action is not implemented yet: write it in src/actions/delete.ts.");
});
