import { ExecutionContext, HTTPError, RateLimitError } from "@plugboard/sdk";
import { type RecordingServer, type Routes, startRecordingServer } from "@plugboard/testing";
import { afterEach, describe, expect, it } from "vitest";
import { integration } from "../src/index.ts";
import { MAX_PAGES } from "../src/tasks-api.ts";
import { googleError, page, task, taskList } from "./fixtures.ts";

const TOKEN = "ya29.a0AfB_test_token";
const LIST = "MTAxNzY0NjQ2MTk0MjU5MDk4NzE6MDow";
const LISTS_PATH = "/tasks/v1/users/@me/lists";
const TASKS_PATH = `/tasks/v1/lists/${LIST}/tasks`;
let server: RecordingServer;

async function serve(routes: Routes): Promise<ExecutionContext> {
  server = await startRecordingServer(routes);
  return new ExecutionContext({
    auth: { auth_type: "PlatformOauth2", credentials: { access_token: TOKEN } },
    originOverrides: { "https://tasks.googleapis.com": server.origin },
  });
}

function only() {
  expect(server.requests).toHaveLength(1);
  const request = server.requests[0];
  if (!request) throw new Error("no request");
  expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
  return request;
}

afterEach(async () => {
  await server?.close();
});

describe("pagination", () => {
  it("list_task_lists follows nextPageToken to the last page", async () => {
    const pages: Record<string, ReturnType<typeof page>> = {
      "": page(
        "tasks#taskLists",
        [taskList(LIST, "My Tasks"), taskList("b2", "Groceries")],
        "tok-2",
      ),
      "tok-2": page("tasks#taskLists", [taskList("c3", "Work")], "tok-3"),
      "tok-3": page("tasks#taskLists", [taskList("d4", "Someday")]),
    };
    const context = await serve({
      [`GET ${LISTS_PATH}`]: (request) => ({ body: pages[String(request.query.pageToken ?? "")] }),
    });
    const result = await integration.executeAction("list_task_lists", {}, context);
    const { task_lists } = (result.result as { data: { task_lists: Array<{ title: string }> } })
      .data;
    expect(task_lists.map((l) => l.title)).toEqual(["My Tasks", "Groceries", "Work", "Someday"]);
    expect(server.requests.map((r) => r.query)).toEqual([
      { maxResults: "1000" },
      { maxResults: "1000", pageToken: "tok-2" },
      { maxResults: "1000", pageToken: "tok-3" },
    ]);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("list_tasks sends the filters on every page", async () => {
    const context = await serve({
      [`GET ${TASKS_PATH}`]: [
        { body: page("tasks#tasks", [task("t1", "Renew passport")], "p2") },
        { body: page("tasks#tasks", [task("t2", "Book dentist", { notes: "Morning slot" })]) },
      ],
    });
    const result = await integration.executeAction(
      "list_tasks",
      { task_list_id: LIST, show_completed: false, due_max: "2026-12-31T00:00:00.000Z" },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { tasks: [{ id: "t1" }, { id: "t2", notes: "Morning slot" }] } },
    });
    const filters = {
      maxResults: "100",
      showCompleted: "false",
      dueMax: "2026-12-31T00:00:00.000Z",
    };
    expect(server.requests.map((r) => r.query)).toEqual([filters, { ...filters, pageToken: "p2" }]);
  });

  // A thousand real round trips: give a loaded CI machine room (minutes, not the 60 s default).
  it("stops with an action error after MAX_PAGES pages instead of looping forever", async () => {
    let served = 0;
    const context = await serve({
      [`GET ${TASKS_PATH}`]: () => {
        served += 1;
        return { body: page("tasks#tasks", [task(`t${served}`, "Again")], `tok-${served}`) };
      },
    });
    const result = await integration.executeAction("list_tasks", { task_list_id: LIST }, context);
    expect(result.type).toBe("action_error");
    expect(served).toBe(MAX_PAGES);
  }, 240_000);

  it("stops with an action error when Google repeats a page token", async () => {
    const context = await serve({
      [`GET ${TASKS_PATH}`]: { body: page("tasks#tasks", [task("t1", "Loop")], "same") },
    });
    const result = await integration.executeAction("list_tasks", { task_list_id: LIST }, context);
    expect(result.type).toBe("action_error");
    expect((result.result as { message: string }).message).toContain(
      "returned the cursor of an earlier page again",
    );
    expect(server.requests).toHaveLength(2);
  });
});

describe("task lists", () => {
  it("get_task_list reads one list", async () => {
    const context = await serve({
      [`GET ${LISTS_PATH}/${LIST}`]: { body: taskList(LIST, "My Tasks") },
    });
    const result = await integration.executeAction(
      "get_task_list",
      { task_list_id: LIST },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { task_list: { title: "My Tasks" } } },
    });
    only();
  });

  it("create_task_list posts the title", async () => {
    const context = await serve({
      [`POST ${LISTS_PATH}`]: { body: taskList("n1", "Trip to Lisbon") },
    });
    const result = await integration.executeAction(
      "create_task_list",
      { title: "Trip to Lisbon" },
      context,
    );
    expect(result).toMatchObject({ type: "action", result: { data: { task_list: { id: "n1" } } } });
    expect(only().body).toEqual({ title: "Trip to Lisbon" });
  });

  it("update_task_list patches the title", async () => {
    const context = await serve({ [`PATCH ${LISTS_PATH}/n1`]: { body: taskList("n1", "Lisbon") } });
    await integration.executeAction(
      "update_task_list",
      { task_list_id: "n1", title: "Lisbon" },
      context,
    );
    expect(only().body).toEqual({ title: "Lisbon" });
  });

  it("delete_task_list sends DELETE and accepts the empty 204", async () => {
    const context = await serve({ [`DELETE ${LISTS_PATH}/n1`]: { status: 204 } });
    const result = await integration.executeAction(
      "delete_task_list",
      { task_list_id: "n1" },
      context,
    );
    expect(result).toMatchObject({ type: "action", result: { data: { deleted: true } } });
    only();
  });
});

describe("tasks", () => {
  it("get_task reads one task", async () => {
    const context = await serve({
      [`GET ${TASKS_PATH}/t1`]: { body: task("t1", "Renew passport") },
    });
    const result = await integration.executeAction(
      "get_task",
      { task_list_id: LIST, task_id: "t1" },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { task: { status: "needsAction" } } },
    });
    only();
  });

  it("create_task places it with parent and previous, and turns a date into RFC 3339", async () => {
    const created = task("t9", "Pack", { parent: "t1", due: "2026-12-01T00:00:00.000Z" });
    const context = await serve({ [`POST ${TASKS_PATH}`]: { body: created } });
    const result = await integration.executeAction(
      "create_task",
      {
        task_list_id: LIST,
        title: "Pack",
        notes: "Adapter!",
        due: "2026-12-01",
        parent: "t1",
        previous: "t2",
      },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { task: { id: "t9", parent: "t1" } } },
    });
    const request = only();
    expect(request.query).toEqual({ parent: "t1", previous: "t2" });
    expect(request.body).toEqual({
      title: "Pack",
      notes: "Adapter!",
      due: "2026-12-01T00:00:00.000Z",
    });
  });

  it("create_task with an unreadable due date is an action error and sends nothing", async () => {
    const context = await serve({});
    const result = await integration.executeAction(
      "create_task",
      { task_list_id: LIST, title: "Pack", due: "next Friday" },
      context,
    );
    expect(result.type).toBe("action_error");
    expect((result.result as { message: string }).message).toContain('"next Friday"');
    expect(server.requests).toHaveLength(0);
  });

  it("update_task reopening a task also clears its completion time", async () => {
    const context = await serve({
      [`PATCH ${TASKS_PATH}/t1`]: { body: task("t1", "Renew passport") },
    });
    await integration.executeAction(
      "update_task",
      { task_list_id: LIST, task_id: "t1", status: "needsAction", title: "Renew passport" },
      context,
    );
    expect(only().body).toEqual({
      status: "needsAction",
      title: "Renew passport",
      completed: null,
    });
  });

  it("update_task with nothing to change is an action error", async () => {
    const context = await serve({});
    const result = await integration.executeAction(
      "update_task",
      { task_list_id: LIST, task_id: "t1" },
      context,
    );
    expect(result.type).toBe("action_error");
    expect(server.requests).toHaveLength(0);
  });

  it("complete_task patches the status to completed", async () => {
    const completed = "2026-11-22T07:30:00.000Z";
    const done = task("t1", "Renew passport", { status: "completed", completed });
    const context = await serve({ [`PATCH ${TASKS_PATH}/t1`]: { body: done } });
    const result = await integration.executeAction(
      "complete_task",
      { task_list_id: LIST, task_id: "t1" },
      context,
    );
    expect(result).toMatchObject({ type: "action", result: { data: { task: { completed } } } });
    expect(only().body).toEqual({ status: "completed" });
  });

  it("delete_task sends DELETE", async () => {
    const context = await serve({ [`DELETE ${TASKS_PATH}/t1`]: { status: 204 } });
    const result = await integration.executeAction(
      "delete_task",
      { task_list_id: LIST, task_id: "t1" },
      context,
    );
    expect(result).toMatchObject({ type: "action", result: { data: { deleted: true } } });
    expect(only().method).toBe("DELETE");
  });
});

describe("failures", () => {
  it("rejects a task status outside needsAction/completed as an output validation error", async () => {
    const context = await serve({
      [`GET ${TASKS_PATH}/t1`]: { body: task("t1", "Odd", { status: "done" }) },
    });
    const result = await integration.executeAction(
      "get_task",
      { task_list_id: LIST, task_id: "t1" },
      context,
    );
    expect(result).toMatchObject({ type: "validation_error", result: { source: "output" } });
  });

  it("checks each listed task against the one task definition ($ref), naming the bad item", async () => {
    const broken = { ...task("t2", "Second"), status: "archived" };
    const context = await serve({
      [`GET ${TASKS_PATH}`]: { body: page("tasks#tasks", [task("t1", "First"), broken]) },
    });
    const result = await integration.executeAction("list_tasks", { task_list_id: LIST }, context);
    expect(result).toMatchObject({
      type: "validation_error",
      result: { source: "output", property: "$.tasks[1].status", value: "archived" },
    });
  });

  it("surfaces Google's 404 as HTTPError with its error body", async () => {
    const body = googleError(404, "Requested entity was not found.", "NOT_FOUND", "notFound");
    const context = await serve({ [`GET ${TASKS_PATH}/gone`]: { status: 404, body } });
    const run = integration.executeAction(
      "get_task",
      { task_list_id: LIST, task_id: "gone" },
      context,
    );
    await expect(run).rejects.toBeInstanceOf(HTTPError);
    await expect(run).rejects.toMatchObject({ status: 404, responseData: body });
  });

  it("surfaces a 429 in the middle of pagination as RateLimitError", async () => {
    const body = googleError(
      429,
      "Quota exceeded for quota metric 'Queries'.",
      "RESOURCE_EXHAUSTED",
      "rateLimitExceeded",
    );
    const context = await serve({
      [`GET ${LISTS_PATH}`]: [
        { body: page("tasks#taskLists", [taskList(LIST, "My Tasks")], "tok-2") },
        { status: 429, headers: { "retry-after": "7" }, body },
      ],
    });
    const run = integration.executeAction("list_task_lists", {}, context);
    await expect(run).rejects.toBeInstanceOf(RateLimitError);
    await expect(run).rejects.toMatchObject({ retryAfter: 7 });
  });
});
