import { type RecordingServer, startRecordingServer } from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExecutionAbortedError, ExecutionContext, Integration } from "../src/index.ts";
import { sampleConfig } from "./fixtures.ts";

let server: RecordingServer;
beforeAll(async () => {
  // Never answers: a handler fetching from it hangs until its context is closed.
  server = await startRecordingServer({ "GET /slow": { handle: () => {} } });
});
afterAll(() => server.close());

const never = () => new Promise<never>(() => {});

function hanging() {
  return new Integration(sampleConfig())
    .action("create_issue", never)
    .pollingTrigger("new_issues", never)
    .connectedAccount(never);
}

const auth = { api_key: "k-deadline-1234" };

describe("a deadline on executions", () => {
  it("gives up a hanging action after its timeout", async () => {
    const error = await hanging()
      .executeAction("create_issue", { title: "t" }, new ExecutionContext({ auth }), {
        timeout: 0.2,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExecutionAbortedError);
    expect(error).toMatchObject({ code: "timed_out", operation: 'action "create_issue"' });
    expect((error as Error).message).toBe('Action "create_issue" did not finish within 0.2 s');
  });

  it("gives up a hanging polling trigger and connected-account lookup", async () => {
    const integration = hanging();
    const context = new ExecutionContext({ auth });
    const poll = await integration
      .executePollingTrigger("new_issues", { project: "p" }, null, context, { timeout: 0.2 })
      .catch((e: unknown) => e);
    expect(poll).toMatchObject({ name: "ExecutionAbortedError", code: "timed_out" });
    const account = await integration
      .getConnectedAccount(context, { timeout: 0.2 })
      .catch((e: unknown) => e);
    expect(account).toMatchObject({ name: "ExecutionAbortedError", code: "timed_out" });
  });

  it("gives up when the signal aborts, and refuses to start once aborted", async () => {
    const controller = new AbortController();
    const context = new ExecutionContext({ auth });
    const pending = hanging()
      .executeAction("create_issue", { title: "t" }, context, { signal: controller.signal })
      .catch((e: unknown) => e);
    controller.abort();
    expect(await pending).toMatchObject({ name: "ExecutionAbortedError", code: "aborted" });
    let ran = false;
    const integration = new Integration(sampleConfig()).action("create_issue", async () => {
      ran = true;
      return { data: { id: "1" } };
    });
    const refused = await integration
      .executeAction("create_issue", { title: "t" }, context, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "aborted" });
    expect(ran).toBe(false);
  });

  it("cuts the handler's request in flight when the caller then closes the context", async () => {
    let fetchOutcome: unknown;
    let settled: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      settled = resolve;
    });
    const integration = new Integration(sampleConfig()).action(
      "create_issue",
      async (_inputs, context) => {
        try {
          await context.fetch(`${server.origin}/slow`);
        } catch (error) {
          fetchOutcome = error;
        }
        settled();
        return { data: { id: "1" } };
      },
    );
    const context = new ExecutionContext({ auth, requestConfig: { timeout: 600 } });
    const error = await integration
      .executeAction("create_issue", { title: "t" }, context, { timeout: 0.2 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "timed_out" });
    await context.close();
    await done;
    expect(fetchOutcome).toMatchObject({ name: "NetworkError", code: "aborted" });
  }, 30_000);

  it("returns results as usual within the deadline", async () => {
    const integration = new Integration(sampleConfig()).action("create_issue", async () => ({
      data: { id: "1" },
    }));
    const result = await integration.executeAction(
      "create_issue",
      { title: "t" },
      new ExecutionContext({ auth }),
      { timeout: 30, signal: new AbortController().signal },
    );
    expect(result).toMatchObject({ type: "action", result: { data: { id: "1" } } });
  });
});
