import { defineAction } from "../generated/contract.gen.ts";
import type { TaskList } from "../generated/types.gen.ts";
import { taskListsUrl } from "../tasks-api.ts";

/** Returns one task list. */
export const getTaskList = defineAction("get_task_list", async (inputs, context) => {
  const response = await context.fetch<TaskList>(taskListsUrl(inputs.task_list_id));
  return { data: { task_list: response.data } };
});
