import { completeTask } from "./actions/complete_task.ts";
import { createTask } from "./actions/create_task.ts";
import { createTaskList } from "./actions/create_task_list.ts";
import { deleteTask } from "./actions/delete_task.ts";
import { deleteTaskList } from "./actions/delete_task_list.ts";
import { getTask } from "./actions/get_task.ts";
import { getTaskList } from "./actions/get_task_list.ts";
import { listTaskLists } from "./actions/list_task_lists.ts";
import { listTasks } from "./actions/list_tasks.ts";
import { updateTask } from "./actions/update_task.ts";
import { updateTaskList } from "./actions/update_task_list.ts";
import { createIntegration, type Handlers } from "./generated/contract.gen.ts";

/** The Google Tasks integration, ready to execute actions. */
export const integration = createIntegration({
  actions: {
    list_task_lists: listTaskLists,
    get_task_list: getTaskList,
    create_task_list: createTaskList,
    update_task_list: updateTaskList,
    delete_task_list: deleteTaskList,
    list_tasks: listTasks,
    get_task: getTask,
    create_task: createTask,
    update_task: updateTask,
    complete_task: completeTask,
    delete_task: deleteTask,
  } satisfies Handlers,
});
