import { defineAction } from "../generated/contract.gen.ts";

/** Leading digit */
export const _2faCheck = defineAction("2fa_check", async (inputs, context) => {
  throw new Error("The \"2fa_check\" action is not implemented yet: write it in src/actions/2fa_check.ts.");
});
