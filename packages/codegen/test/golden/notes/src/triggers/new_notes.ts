import { definePollingTrigger } from "../generated/contract.gen.ts";

/** Notes created since the last poll. */
export const newNotesTrigger = definePollingTrigger(
  "new_notes",
  async (_inputs, _lastPollTs, _context) => {
    throw new Error(
      "Polling trigger new_notes is not implemented yet: write it in src/triggers/new_notes.ts.",
    );
  },
);
