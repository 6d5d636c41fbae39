import { getBoard } from "./actions/get_board.ts";
import { getTask } from "./actions/get_task.ts";
import { listTasks } from "./actions/list_tasks.ts";
import { createIntegration, type Handlers } from "./generated/contract.gen.ts";

/** The Refs integration, ready to execute actions. */
export const integration = createIntegration({
  actions: {
    list_tasks: listTasks,
    get_task: getTask,
    get_board: getBoard,
  } satisfies Handlers,
});
