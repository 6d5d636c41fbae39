import { defineAction } from "../generated/contract.gen.ts";

/** Lists notes, newest first. */
export const listNotes = defineAction("list_notes", async (_inputs, _context) => {
  throw new Error(
    "Action list_notes is not implemented yet: write it in src/actions/list_notes.ts.",
  );
});
