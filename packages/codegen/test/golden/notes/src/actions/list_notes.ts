import { defineAction } from "../generated/contract.gen.ts";

/** Lists notes, newest first. */
export const listNotes = defineAction("list_notes", async (inputs, context) => {
  throw new Error("The \"list_notes\" action is not implemented yet: write it in src/actions/list_notes.ts.");
});
