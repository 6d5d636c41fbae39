import { ActionError } from "@plugboard/sdk";
import { defineAction } from "../generated/contract.gen.ts";
import type { Task } from "../generated/types.gen.ts";
import { tasksUrl, toDue } from "../tasks-api.ts";

/** Patches the given fields of a task. */
export const updateTask = defineAction("update_task", async (inputs, context) => {
  const { task_list_id: listId, task_id: taskId, ...changes } = inputs;
  if (Object.keys(changes).length === 0) {
    throw new ActionError(
      `update_task on ${taskId} has nothing to change: give title, notes, due or status.`,
    );
  }
  const patch: Record<string, unknown> = { ...changes };
  if (changes.due !== undefined) patch.due = toDue(changes.due);
  // Reopening a task must also clear its completion time, or Google keeps it completed.
  if (changes.status === "needsAction") patch.completed = null;
  const response = await context.fetch<Task>(tasksUrl(listId, taskId), {
    method: "PATCH",
    json: patch,
  });
  return { data: { task: response.data } };
});
