import { defineAction } from "../generated/contract.gen.ts";

/** Reserved word */
export const delete_ = defineAction("delete", async (_inputs, _context) => {
  throw new Error("Action delete is not implemented yet: write it in src/actions/delete.ts.");
});
