import { defineAction } from "../generated/contract.gen.ts";
import { taskListsUrl } from "../tasks-api.ts";

/** Deletes a task list with its tasks. */
export const deleteTaskList = defineAction("delete_task_list", async (inputs, context) => {
  await context.fetch(taskListsUrl(inputs.task_list_id), { method: "DELETE" });
  return { data: { deleted: true as const } };
});
