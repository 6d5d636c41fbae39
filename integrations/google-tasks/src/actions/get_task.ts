import { defineAction } from "../generated/contract.gen.ts";
import type { Task } from "../generated/types.gen.ts";
import { tasksUrl } from "../tasks-api.ts";

/** Returns one task. */
export const getTask = defineAction("get_task", async (inputs, context) => {
  const response = await context.fetch<Task>(tasksUrl(inputs.task_list_id, inputs.task_id));
  return { data: { task: response.data } };
});
