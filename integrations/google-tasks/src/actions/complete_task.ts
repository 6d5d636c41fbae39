import { defineAction } from "../generated/contract.gen.ts";
import type { Task } from "../generated/types.gen.ts";
import { tasksUrl } from "../tasks-api.ts";

/** Marks a task completed; Google records the completion time. */
export const completeTask = defineAction("complete_task", async (inputs, context) => {
  const response = await context.fetch<Task>(tasksUrl(inputs.task_list_id, inputs.task_id), {
    method: "PATCH",
    json: { status: "completed" },
  });
  return { data: { task: response.data } };
});
