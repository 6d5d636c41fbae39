import { defineAction } from "../generated/contract.gen.ts";
import type { Task } from "../generated/types.gen.ts";
import { GOOGLE_PAGES, PAGE_SIZE, tasksUrl } from "../tasks-api.ts";

/** Returns every task of a list matching the filters, following every page. */
export const listTasks = defineAction("list_tasks", async (inputs, context) => {
  const tasks = await context
    .paginate<Task>(tasksUrl(inputs.task_list_id), {
      ...GOOGLE_PAGES,
      limit: PAGE_SIZE.tasks,
      params: {
        showCompleted: inputs.show_completed,
        showHidden: inputs.show_hidden,
        dueMin: inputs.due_min,
        dueMax: inputs.due_max,
        updatedMin: inputs.updated_min,
      },
    })
    .all();
  return { data: { tasks } };
});
