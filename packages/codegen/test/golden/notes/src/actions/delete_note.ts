import { defineAction } from "../generated/contract.gen.ts";

/** Deletes a note for good. */
export const deleteNote = defineAction("delete_note", async (inputs, context) => {
  throw new Error("The \"delete_note\" action is not implemented yet: write it in src/actions/delete_note.ts.");
});
