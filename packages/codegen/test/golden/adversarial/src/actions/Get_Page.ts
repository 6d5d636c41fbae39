import { defineAction } from "../generated/contract.gen.ts";

/** Same identifier, different case */
export const getPage = defineAction("Get_Page", async (_inputs, _context) => {
  throw new Error("Action Get_Page is not implemented yet: write it in src/actions/Get_Page.ts.");
});
