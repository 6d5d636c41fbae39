import { defineAction } from "../generated/contract.gen.ts";
import type { TaskList } from "../generated/types.gen.ts";
import { GOOGLE_PAGES, PAGE_SIZE, taskListsUrl } from "../tasks-api.ts";

/** Returns all of the user's task lists, following every page. */
export const listTaskLists = defineAction("list_task_lists", async (_inputs, context) => {
  const taskLists = await context
    .paginate<TaskList>(taskListsUrl(), { ...GOOGLE_PAGES, limit: PAGE_SIZE.taskLists })
    .all();
  return { data: { task_lists: taskLists } };
});
