import { defineAction } from "../generated/contract.gen.ts";

/** Same identifier as get-page */
export const getPage3 = defineAction("get_page", async (inputs, context) => {
  throw new Error("The \"get_page\" action is not implemented yet: write it in src/actions/get_page2.ts.");
});
