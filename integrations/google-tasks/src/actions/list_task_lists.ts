import { defineAction } from "../generated/contract.gen.ts";
import type { ListTaskListsOutput } from "../generated/types.gen.ts";
import { fetchAllPages, PAGE_SIZE } from "../paginate.ts";
import { taskListsUrl } from "../tasks-api.ts";

/** Returns all of the user's task lists, following every page. */
export const listTaskLists = defineAction("list_task_lists", async (_inputs, context) => {
  const taskLists = await fetchAllPages<ListTaskListsOutput["task_lists"][number]>(
    context,
    taskListsUrl(),
    PAGE_SIZE.taskLists,
  );
  return { data: { task_lists: taskLists } };
});
