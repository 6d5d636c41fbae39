import { defineAction } from "../generated/contract.gen.ts";

/** Same identifier as get-page */
export const getPage3 = defineAction("get_page", async (_inputs, _context) => {
  throw new Error("Action get_page is not implemented yet: write it in src/actions/get_page2.ts.");
});
