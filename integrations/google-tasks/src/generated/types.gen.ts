// provisional
export interface ListTaskListsInput {

}
export interface ListTaskListsOutput {
task_lists: {
id: string
title: string
/**
 * Last modification time (RFC 3339).
 */
updated: string
etag?: string
selfLink?: string
[k: string]: unknown
}[]
[k: string]: unknown
}
export interface GetTaskListInput {
/**
 * The task list id ("@default" for the default list).
 */
task_list_id: string
}
export interface GetTaskListOutput {
task_list: {
id: string
title: string
/**
 * Last modification time (RFC 3339).
 */
updated: string
etag?: string
selfLink?: string
[k: string]: unknown
}
[k: string]: unknown
}
export interface CreateTaskListInput {
/**
 * The list's name.
 */
title: string
}
export interface CreateTaskListOutput {
task_list: {
id: string
title: string
/**
 * Last modification time (RFC 3339).
 */
updated: string
etag?: string
selfLink?: string
[k: string]: unknown
}
[k: string]: unknown
}
export interface UpdateTaskListInput {
/**
 * The task list id ("@default" for the default list).
 */
task_list_id: string
/**
 * The new name.
 */
title: string
}
export interface UpdateTaskListOutput {
task_list: {
id: string
title: string
/**
 * Last modification time (RFC 3339).
 */
updated: string
etag?: string
selfLink?: string
[k: string]: unknown
}
[k: string]: unknown
}
export interface DeleteTaskListInput {
/**
 * The task list id ("@default" for the default list).
 */
task_list_id: string
}
export interface DeleteTaskListOutput {
deleted: true
[k: string]: unknown
}
export interface ListTasksInput {
/**
 * The task list id ("@default" for the default list).
 */
task_list_id: string
/**
 * Include completed tasks (Google's default true).
 */
show_completed?: boolean
/**
 * Include tasks cleared from the list (Google's default false).
 */
show_hidden?: boolean
/**
 * Only tasks due at or after this time (RFC 3339).
 */
due_min?: string
/**
 * Only tasks due before this time (RFC 3339).
 */
due_max?: string
/**
 * Only tasks updated at or after this time (RFC 3339).
 */
updated_min?: string
}
export interface ListTasksOutput {
tasks: {
id: string
title: string
/**
 * Description; absent when empty.
 */
notes?: string
status: ("needsAction" | "completed")
/**
 * Due date (RFC 3339; Google Tasks keeps only the date part).
 */
due?: string
/**
 * Completion time; present once completed.
 */
completed?: string
/**
 * Parent task id; absent for a top-level task.
 */
parent?: string
/**
 * Sort key among siblings.
 */
position?: string
updated: string
deleted?: boolean
/**
 * True when the task was cleared from the list.
 */
hidden?: boolean
/**
 * The task in the Google Tasks web UI.
 */
webViewLink?: string
links?: {
type?: string
description?: string
link?: string
[k: string]: unknown
}[]
etag?: string
selfLink?: string
[k: string]: unknown
}[]
[k: string]: unknown
}
export interface GetTaskInput {
/**
 * The task list id ("@default" for the default list).
 */
task_list_id: string
/**
 * The task id.
 */
task_id: string
}
export interface GetTaskOutput {
task: {
id: string
title: string
/**
 * Description; absent when empty.
 */
notes?: string
status: ("needsAction" | "completed")
/**
 * Due date (RFC 3339; Google Tasks keeps only the date part).
 */
due?: string
/**
 * Completion time; present once completed.
 */
completed?: string
/**
 * Parent task id; absent for a top-level task.
 */
parent?: string
/**
 * Sort key among siblings.
 */
position?: string
updated: string
deleted?: boolean
/**
 * True when the task was cleared from the list.
 */
hidden?: boolean
/**
 * The task in the Google Tasks web UI.
 */
webViewLink?: string
links?: {
type?: string
description?: string
link?: string
[k: string]: unknown
}[]
etag?: string
selfLink?: string
[k: string]: unknown
}
[k: string]: unknown
}
export interface CreateTaskInput {
/**
 * The task list id ("@default" for the default list).
 */
task_list_id: string
/**
 * What to do.
 */
title: string
/**
 * Details.
 */
notes?: string
/**
 * Due date, YYYY-MM-DD or an RFC 3339 timestamp (only the date is kept).
 */
due?: string
/**
 * Make it a subtask of this task id.
 */
parent?: string
/**
 * Place it after this sibling task id (default: first).
 */
previous?: string
}
export interface CreateTaskOutput {
task: {
id: string
title: string
/**
 * Description; absent when empty.
 */
notes?: string
status: ("needsAction" | "completed")
/**
 * Due date (RFC 3339; Google Tasks keeps only the date part).
 */
due?: string
/**
 * Completion time; present once completed.
 */
completed?: string
/**
 * Parent task id; absent for a top-level task.
 */
parent?: string
/**
 * Sort key among siblings.
 */
position?: string
updated: string
deleted?: boolean
/**
 * True when the task was cleared from the list.
 */
hidden?: boolean
/**
 * The task in the Google Tasks web UI.
 */
webViewLink?: string
links?: {
type?: string
description?: string
link?: string
[k: string]: unknown
}[]
etag?: string
selfLink?: string
[k: string]: unknown
}
[k: string]: unknown
}
export interface UpdateTaskInput {
/**
 * The task list id ("@default" for the default list).
 */
task_list_id: string
/**
 * The task id.
 */
task_id: string
/**
 * New title.
 */
title?: string
/**
 * New details.
 */
notes?: string
/**
 * Due date, YYYY-MM-DD or an RFC 3339 timestamp (only the date is kept).
 */
due?: string
/**
 * needsAction reopens the task; completed completes it.
 */
status?: ("needsAction" | "completed")
}
export interface UpdateTaskOutput {
task: {
id: string
title: string
/**
 * Description; absent when empty.
 */
notes?: string
status: ("needsAction" | "completed")
/**
 * Due date (RFC 3339; Google Tasks keeps only the date part).
 */
due?: string
/**
 * Completion time; present once completed.
 */
completed?: string
/**
 * Parent task id; absent for a top-level task.
 */
parent?: string
/**
 * Sort key among siblings.
 */
position?: string
updated: string
deleted?: boolean
/**
 * True when the task was cleared from the list.
 */
hidden?: boolean
/**
 * The task in the Google Tasks web UI.
 */
webViewLink?: string
links?: {
type?: string
description?: string
link?: string
[k: string]: unknown
}[]
etag?: string
selfLink?: string
[k: string]: unknown
}
[k: string]: unknown
}
export interface CompleteTaskInput {
/**
 * The task list id ("@default" for the default list).
 */
task_list_id: string
/**
 * The task id.
 */
task_id: string
}
export interface CompleteTaskOutput {
task: {
id: string
title: string
/**
 * Description; absent when empty.
 */
notes?: string
status: ("needsAction" | "completed")
/**
 * Due date (RFC 3339; Google Tasks keeps only the date part).
 */
due?: string
/**
 * Completion time; present once completed.
 */
completed?: string
/**
 * Parent task id; absent for a top-level task.
 */
parent?: string
/**
 * Sort key among siblings.
 */
position?: string
updated: string
deleted?: boolean
/**
 * True when the task was cleared from the list.
 */
hidden?: boolean
/**
 * The task in the Google Tasks web UI.
 */
webViewLink?: string
links?: {
type?: string
description?: string
link?: string
[k: string]: unknown
}[]
etag?: string
selfLink?: string
[k: string]: unknown
}
[k: string]: unknown
}
export interface DeleteTaskInput {
/**
 * The task list id ("@default" for the default list).
 */
task_list_id: string
/**
 * The task id.
 */
task_id: string
}
export interface DeleteTaskOutput {
deleted: true
[k: string]: unknown
}
export type Credentials = Record<string, unknown>;
export interface Actions {
  list_task_lists: { input: ListTaskListsInput; output: ListTaskListsOutput };
  get_task_list: { input: GetTaskListInput; output: GetTaskListOutput };
  create_task_list: { input: CreateTaskListInput; output: CreateTaskListOutput };
  update_task_list: { input: UpdateTaskListInput; output: UpdateTaskListOutput };
  delete_task_list: { input: DeleteTaskListInput; output: DeleteTaskListOutput };
  list_tasks: { input: ListTasksInput; output: ListTasksOutput };
  get_task: { input: GetTaskInput; output: GetTaskOutput };
  create_task: { input: CreateTaskInput; output: CreateTaskOutput };
  update_task: { input: UpdateTaskInput; output: UpdateTaskOutput };
  complete_task: { input: CompleteTaskInput; output: CompleteTaskOutput };
  delete_task: { input: DeleteTaskInput; output: DeleteTaskOutput };
}
export interface Triggers {

}
