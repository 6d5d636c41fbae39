import { definePollingTrigger } from "../generated/contract.gen.ts";

/** Notes created since the last poll. */
export const newNotesTrigger = definePollingTrigger("new_notes", async (inputs, lastPollTs, context) => {
  throw new Error("The \"new_notes\" polling trigger is not implemented yet: write it in src/triggers/new_notes.ts.");
});
