import { defineAction } from "../generated/contract.gen.ts";
import { tasksUrl } from "../tasks-api.ts";

/** Deletes a task. */
export const deleteTask = defineAction("delete_task", async (inputs, context) => {
  await context.fetch(tasksUrl(inputs.task_list_id, inputs.task_id), { method: "DELETE" });
  return { data: { deleted: true as const } };
});
