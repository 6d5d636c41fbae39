import { defineAction } from "../generated/contract.gen.ts";
import type { TaskList } from "../generated/types.gen.ts";
import { taskListsUrl } from "../tasks-api.ts";

/** Renames a task list. */
export const updateTaskList = defineAction("update_task_list", async (inputs, context) => {
  const response = await context.fetch<TaskList>(taskListsUrl(inputs.task_list_id), {
    method: "PATCH",
    json: { title: inputs.title },
  });
  return { data: { task_list: response.data } };
});
