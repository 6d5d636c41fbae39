import { defineAction } from "../generated/contract.gen.ts";

/** Lists tasks, each with its subtasks. */
export const listTasks = defineAction("list_tasks", async (_inputs, _context) => {
  throw new Error(
    "Action list_tasks is not implemented yet: write it in src/actions/list_tasks.ts.",
  );
});
