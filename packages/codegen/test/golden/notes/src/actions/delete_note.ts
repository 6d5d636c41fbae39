import { defineAction } from "../generated/contract.gen.ts";

/** Deletes a note for good. */
export const deleteNote = defineAction("delete_note", async (_inputs, _context) => {
  throw new Error(
    "Action delete_note is not implemented yet: write it in src/actions/delete_note.ts.",
  );
});
