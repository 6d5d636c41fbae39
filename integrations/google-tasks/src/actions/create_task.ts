import { defineAction } from "../generated/contract.gen.ts";
import type { Task } from "../generated/types.gen.ts";
import { tasksUrl, toDue } from "../tasks-api.ts";

/** Adds a task, optionally as a subtask or after a sibling. */
export const createTask = defineAction("create_task", async (inputs, context) => {
  const response = await context.fetch<Task>(tasksUrl(inputs.task_list_id), {
    method: "POST",
    // Placement is given in the query string, the task itself in the body.
    params: { parent: inputs.parent, previous: inputs.previous },
    json: {
      title: inputs.title,
      notes: inputs.notes,
      due: inputs.due === undefined ? undefined : toDue(inputs.due),
    },
  });
  return { data: { task: response.data } };
});
