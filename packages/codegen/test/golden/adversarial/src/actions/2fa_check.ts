import { defineAction } from "../generated/contract.gen.ts";

/** Leading digit */
export const _2faCheck = defineAction("2fa_check", async (_inputs, _context) => {
  throw new Error("Action 2fa_check is not implemented yet: write it in src/actions/2fa_check.ts.");
});
