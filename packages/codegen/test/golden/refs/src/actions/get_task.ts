import { defineAction } from "../generated/contract.gen.ts";

/** Gets one task. */
export const getTask = defineAction("get_task", async (_inputs, _context) => {
  throw new Error("Action get_task is not implemented yet: write it in src/actions/get_task.ts.");
});
