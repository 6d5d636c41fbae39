import { defineAction } from "../generated/contract.gen.ts";

/** Unicode name */
export const créerNote = defineAction("créer_note", async (inputs, context) => {
  throw new Error("The \"créer_note\" action is not implemented yet: write it in src/actions/creer_note.ts.");
});
