import { defineAction } from "../generated/contract.gen.ts";

/** Unicode name */
export const créerNote = defineAction("créer_note", async (_inputs, _context) => {
  throw new Error(
    "Action créer_note is not implemented yet: write it in src/actions/creer_note.ts.",
  );
});
