import { defineAction } from "../generated/contract.gen.ts";

/** A root oneOf output. */
export const either = defineAction("either", async (_inputs, _context) => {
  throw new Error("Action either is not implemented yet: write it in src/actions/either.ts.");
});
