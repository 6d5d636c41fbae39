import { defineAction } from "../generated/contract.gen.ts";
import type { ListTasksOutput } from "../generated/types.gen.ts";
import { fetchAllPages, PAGE_SIZE } from "../paginate.ts";
import { tasksUrl } from "../tasks-api.ts";

/** Returns every task of a list matching the filters, following every page. */
export const listTasks = defineAction("list_tasks", async (inputs, context) => {
  const tasks = await fetchAllPages<ListTasksOutput["tasks"][number]>(
    context,
    tasksUrl(inputs.task_list_id),
    PAGE_SIZE.tasks,
    {
      showCompleted: inputs.show_completed,
      showHidden: inputs.show_hidden,
      dueMin: inputs.due_min,
      dueMax: inputs.due_max,
      updatedMin: inputs.updated_min,
    },
  );
  return { data: { tasks } };
});
