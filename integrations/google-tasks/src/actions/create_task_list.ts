import { defineAction } from "../generated/contract.gen.ts";
import type { TaskList } from "../generated/types.gen.ts";
import { taskListsUrl } from "../tasks-api.ts";

/** Creates a task list. */
export const createTaskList = defineAction("create_task_list", async (inputs, context) => {
  const response = await context.fetch<TaskList>(taskListsUrl(), {
    method: "POST",
    json: { title: inputs.title },
  });
  return { data: { task_list: response.data } };
});
