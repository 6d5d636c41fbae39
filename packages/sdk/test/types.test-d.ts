import { describe, expectTypeOf, it } from "vitest";
import {
  type ActionHandler,
  type ActionOutcome,
  type AnyIntegration,
  ExecutionContext,
  type FetchResponse,
  Integration,
  type PollingRecord,
} from "../src/index.ts";
import { sampleConfig } from "./fixtures.ts";

// What codegen emits for the sample config.
interface CreateIssueInput {
  title: string;
  count?: number;
}
interface CreateIssueOutput {
  id: string;
  url?: string;
}
interface Actions {
  create_issue: { input: CreateIssueInput; output: CreateIssueOutput };
  list_issues: { input: Record<string, never>; output: Array<Record<string, unknown>> };
}
interface Triggers {
  new_issues: { input: { project: string }; record: { title: string } };
}
interface Credentials {
  api_key: string;
  subdomain?: string;
}

const integration = new Integration<Actions, Triggers, Credentials>(sampleConfig());
const context = new ExecutionContext({ auth: { api_key: "k" } });

describe("Integration generics", () => {
  it("types handler inputs, credentials and output", () => {
    integration.action("create_issue", async (inputs, ctx) => {
      expectTypeOf(inputs).toEqualTypeOf<CreateIssueInput>();
      expectTypeOf(ctx.credentials).toEqualTypeOf<Credentials>();
      return { data: { id: inputs.title }, cost_usd: 0.1 };
    });
  });

  it("rejects unknown action names", () => {
    // @ts-expect-error: no such action
    integration.action("delete_issue", async () => ({ data: { id: "1" } }));
    // @ts-expect-error: no such action
    void integration.executeAction("delete_issue", {}, context);
  });

  it("rejects wrong input fields and wrong output shapes", () => {
    integration.action("create_issue", async (inputs) => {
      // @ts-expect-error: not an input field
      void inputs.titel;
      return { data: { id: "1" } };
    });
    // @ts-expect-error: output id must be a string
    integration.action("create_issue", async () => ({ data: { id: 1 } }));
    // @ts-expect-error: output is missing id
    integration.action("create_issue", async () => ({ data: {} }));
    // @ts-expect-error: a handler returns an ActionResult, not bare data
    integration.action("create_issue", async () => ({ id: "1" }));
    // @ts-expect-error: title must be a string
    void integration.executeAction("create_issue", { title: 1 }, context);
    // @ts-expect-error: title is required
    void integration.executeAction("create_issue", { count: 1 }, context);
  });

  it("types the action envelope by action", async () => {
    const result = await integration.executeAction("create_issue", { title: "x" }, context);
    expectTypeOf(result).toEqualTypeOf<ActionOutcome<CreateIssueOutput>>();
    if (result.type === "action")
      expectTypeOf(result.result.data).toEqualTypeOf<CreateIssueOutput>();
    if (result.type === "validation_error") {
      expectTypeOf(result.result.source).toEqualTypeOf<"input" | "output">();
    }
  });

  it("types polling triggers", async () => {
    integration.pollingTrigger("new_issues", async (inputs, lastPollTs) => {
      expectTypeOf(inputs).toEqualTypeOf<{ project: string }>();
      expectTypeOf(lastPollTs).toEqualTypeOf<string | null>();
      return [{ id: "1", data: { title: "t" } }];
    });
    // @ts-expect-error: records need a string title
    integration.pollingTrigger("new_issues", async () => [{ id: "1", data: { title: 2 } }]);
    // @ts-expect-error: no such trigger
    integration.pollingTrigger("old_issues", async () => []);
    const records = await integration.executePollingTrigger(
      "new_issues",
      { project: "p" },
      null,
      context,
    );
    expectTypeOf(records).toEqualTypeOf<Array<PollingRecord<{ title: string }>>>();
  });

  it("lets a typed integration stand where an untyped one is expected (CLI, playground)", () => {
    const loose: AnyIntegration = integration;
    expectTypeOf(loose.executeAction).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(loose.executeAction).parameter(1).toBeAny();
  });

  it("types context.fetch and handler contracts", () => {
    expectTypeOf(context.fetch<{ id: string }>).returns.resolves.toEqualTypeOf<
      FetchResponse<{ id: string }>
    >();
    const handler: ActionHandler<CreateIssueInput, CreateIssueOutput, Credentials> = async (
      inputs,
    ) => ({
      data: { id: inputs.title },
    });
    integration.action("create_issue", handler);
    // @ts-expect-error: a handler for another action's types does not fit
    integration.action("list_issues", handler);
  });
});
