import { defineAction } from "../generated/contract.gen.ts";

/** Path traversal in a name */
export const escape_ = defineAction("../../escape", async (_inputs, _context) => {
  throw new Error("Action ../../escape is not implemented yet: write it in src/actions/escape.ts.");
});
