import { defineAction } from "../generated/contract.gen.ts";

/** Creates a note in a folder. */
export const createNote = defineAction("create_note", async (inputs, context) => {
  throw new Error("The \"create_note\" action is not implemented yet: write it in src/actions/create_note.ts.");
});
