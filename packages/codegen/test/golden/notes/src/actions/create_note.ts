import { defineAction } from "../generated/contract.gen.ts";

/** Creates a note in a folder. */
export const createNote = defineAction("create_note", async (_inputs, _context) => {
  throw new Error(
    "Action create_note is not implemented yet: write it in src/actions/create_note.ts.",
  );
});
