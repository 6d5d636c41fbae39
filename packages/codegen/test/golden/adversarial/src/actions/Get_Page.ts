import { defineAction } from "../generated/contract.gen.ts";

/** Same identifier, different case */
export const getPage = defineAction("Get_Page", async (inputs, context) => {
  throw new Error("The \"Get_Page\" action is not implemented yet: write it in src/actions/Get_Page.ts.");
});
