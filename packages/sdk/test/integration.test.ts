import { describe, expect, it, vi } from "vitest";
import {
  ActionError,
  ConfigurationError,
  ExecutionContext,
  Integration,
  RESULT_VERSION,
  type ValidateFunction,
  ValidationError,
} from "../src/index.ts";
import { sampleConfig } from "./fixtures.ts";

const flat = () => new ExecutionContext({ auth: { api_key: "key-abcdef", subdomain: "acme" } });

function tracker() {
  const integration = new Integration(sampleConfig());
  integration.action("create_issue", async (inputs) => ({
    data: { id: String((inputs as { title: string }).title) },
  }));
  return integration;
}

describe("executeAction", () => {
  it("returns the action envelope, serialised as the Python SDK does", async () => {
    const result = await tracker().executeAction("create_issue", { title: "T1" }, flat());
    expect(result).toEqual({
      version: RESULT_VERSION,
      type: "action",
      result: { data: { id: "T1" }, cost_usd: null },
    });
    expect(JSON.stringify(result)).toBe(
      '{"version":"2.0.0","type":"action","result":{"data":{"id":"T1"},"cost_usd":null}}',
    );
  });

  it("keeps cost_usd", async () => {
    const integration = tracker().action("create_issue", async () => ({
      data: { id: "1" },
      cost_usd: 0.05,
    }));
    const result = await integration.executeAction("create_issue", { title: "x" }, flat());
    expect(result.result).toEqual({ data: { id: "1" }, cost_usd: 0.05 });
  });

  it("reports an unregistered action as a validation_error", async () => {
    const result = await new Integration(sampleConfig()).executeAction("list_issues", {}, flat());
    expect(result).toEqual({
      version: "2.0.0",
      type: "validation_error",
      result: {
        message: 'Action "list_issues" is not registered',
        property: null,
        value: null,
        source: "input",
      },
    });
  });

  it("lists every input violation with its JSON path, and never calls the handler", async () => {
    const handler = vi.fn(async () => ({ data: { id: "1" } }));
    const integration = new Integration(sampleConfig()).action("create_issue", handler);
    const result = await integration.executeAction(
      "create_issue",
      { count: 0, labels: ["a", 2, "c", "d"], state: "stale" },
      flat(),
    );
    expect(result.type).toBe("validation_error");
    if (result.type !== "validation_error") return;
    const { message, property, source } = result.result;
    expect(source).toBe("input");
    expect(property).toBe("$.title");
    for (const part of [
      "$.title: is required",
      "$.count: must be >= 1",
      "$.labels[1]: must be string",
      "$.labels: must NOT have more than 3 items",
      '$.state: must be one of "open", "closed"',
    ]) {
      expect(message).toContain(part);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("gives the offending value of the first violation", async () => {
    const result = await tracker().executeAction("create_issue", { title: 42 }, flat());
    expect(result.result).toMatchObject({ property: "$.title", value: 42, source: "input" });
  });

  it("follows Draft7Validator: formats not asserted, unknown keywords ignored, unions allowed", async () => {
    const inputs = { title: "x", due: "not a date", email: null, weird: "w" };
    const ok = await tracker().executeAction("create_issue", inputs, flat());
    expect(ok.type).toBe("action");
    // `nullable` is not draft-07: null stays invalid for a string, as in the Python SDK.
    const nullable = await tracker().executeAction(
      "create_issue",
      { title: "x", note: null },
      flat(),
    );
    expect(nullable.result).toMatchObject({ property: "$.note", source: "input" });
  });

  it("never injects defaults into inputs", async () => {
    let seen: unknown;
    const integration = new Integration(sampleConfig()).action("create_issue", async (inputs) => {
      seen = inputs;
      return { data: { id: "1" } };
    });
    const inputs = { title: "x" };
    await integration.executeAction("create_issue", inputs, flat());
    expect(seen).toEqual({ title: "x" });
    expect(inputs).toEqual({ title: "x" });
  });

  it("validates flat and wrapped credentials alike (wrapped with required fields pass)", async () => {
    const wrapped = new ExecutionContext({
      auth: { auth_type: "Custom", credentials: { api_key: "key-abcdef" } },
    });
    expect((await tracker().executeAction("create_issue", { title: "x" }, wrapped)).type).toBe(
      "action",
    );
    expect(wrapped.credentials).toEqual({ api_key: "key-abcdef" });
    const missing = new ExecutionContext({
      auth: { auth_type: "Custom", credentials: { subdomain: "acme" } },
    });
    const result = await tracker().executeAction("create_issue", { title: "x" }, missing);
    expect(result.result).toMatchObject({ property: "$.api_key", value: null, source: "input" });
    expect((result.result as { message: string }).message).toBe(
      "Invalid credentials: $.api_key: is required",
    );
  });

  it("skips credential checks when the config declares no auth.fields", async () => {
    const config = sampleConfig();
    delete config.auth;
    const integration = new Integration(config).action("list_issues", async () => ({ data: [] }));
    expect((await integration.executeAction("list_issues", {}, new ExecutionContext())).type).toBe(
      "action",
    );
  });

  it("turns a thrown ActionError into action_error without validating the output", async () => {
    const integration = tracker().action("create_issue", async () => {
      throw new ActionError("Project is archived", { cost_usd: 0.01 });
    });
    const result = await integration.executeAction("create_issue", { title: "x" }, flat());
    expect(JSON.stringify(result)).toBe(
      '{"version":"2.0.0","type":"action_error","result":{"message":"Project is archived","cost_usd":0.01}}',
    );
  });

  it("lets other exceptions propagate", async () => {
    const integration = tracker().action("create_issue", async () => {
      throw new TypeError("bug in handler");
    });
    await expect(integration.executeAction("create_issue", { title: "x" }, flat())).rejects.toThrow(
      TypeError,
    );
  });

  it("rejects output that breaks output_schema", async () => {
    const integration = tracker().action("create_issue", async () => ({
      data: { id: 5 } as never,
    }));
    const result = await integration.executeAction("create_issue", { title: "x" }, flat());
    expect(result).toMatchObject({
      type: "validation_error",
      result: {
        property: "$.id",
        value: 5,
        source: "output",
        message: 'Invalid output of action "create_issue": $.id: must be string',
      },
    });
  });

  it.each([
    ["a plain value", "oops"],
    ["an object without data", { id: "1" }],
    ["null", null],
    ["a non-numeric cost", { data: { id: "1" }, cost_usd: "1" }],
  ])("rejects a handler returning %s", async (_label, returned) => {
    const integration = tracker().action("create_issue", async () => returned as never);
    const result = await integration.executeAction("create_issue", { title: "x" }, flat());
    expect(result).toMatchObject({ type: "validation_error", result: { source: "output" } });
    expect((result.result as { message: string }).message).toContain("must return an ActionResult");
  });

  it("accepts non-object output roots", async () => {
    const integration = tracker().action("list_issues", async () => ({ data: [{ id: 1 }] }));
    expect((await integration.executeAction("list_issues", {}, flat())).type).toBe("action");
    const bad = tracker().action("list_issues", async () => ({ data: [1] as never }));
    expect((await bad.executeAction("list_issues", {}, flat())).result).toMatchObject({
      property: "$[0]",
    });
  });

  it("uses precompiled validators instead of compiling", async () => {
    const input = vi.fn((data: unknown) => typeof data === "object");
    const output = vi.fn((_data: unknown) => true);
    const integration = new Integration(sampleConfig(), {
      validators: {
        actions: {
          create_issue: {
            input: input as unknown as ValidateFunction,
            output: output as unknown as ValidateFunction,
          },
        },
        credentials: (() => true) as unknown as ValidateFunction,
      },
    }).action("create_issue", async () => ({ data: { anything: true } as never }));
    const result = await integration.executeAction(
      "create_issue",
      { no_title: 1 } as never,
      new ExecutionContext(),
    );
    expect(result.type).toBe("action");
    expect(input).toHaveBeenCalledOnce();
    expect(output).toHaveBeenCalledWith({ anything: true });
  });

  it("loads an action's precompiled validators through a loader, once, on first use", async () => {
    const input = vi.fn((data: unknown) => typeof data === "object");
    const output = vi.fn((data: unknown) => (data as { id?: unknown }).id === "1");
    const loader = vi.fn(async () => ({
      input: input as unknown as ValidateFunction,
      output: output as unknown as ValidateFunction,
    }));
    let id = "1";
    const integration = new Integration(sampleConfig(), {
      validators: { actions: { create_issue: loader } },
    }).action("create_issue", async () => ({ data: { id } as never }));
    expect(loader).not.toHaveBeenCalled();
    const [one, two] = await Promise.all([
      integration.executeAction("create_issue", { no_title: 1 } as never, flat()),
      integration.executeAction("create_issue", { no_title: 2 } as never, flat()),
    ]);
    expect([one.type, two.type]).toEqual(["action", "action"]);
    id = "2";
    const third = await integration.executeAction("create_issue", { title: "x" }, flat());
    expect(third.type).toBe("validation_error");
    expect(loader).toHaveBeenCalledOnce();
    expect(input).toHaveBeenCalledTimes(3);
  });

  it("reads an action's schemas only to explain a failure when its validators are precompiled", async () => {
    const config = sampleConfig();
    const action = config.actions.create_issue;
    if (!action) throw new Error("fixture without create_issue");
    const schema = action.input_schema;
    let reads = 0;
    Object.defineProperty(action, "input_schema", {
      get: () => {
        reads += 1;
        return schema;
      },
      enumerable: true,
    });
    const input = ((data: { title?: unknown }) =>
      typeof data.title === "string") as unknown as ValidateFunction;
    const output = (() => true) as unknown as ValidateFunction;
    const integration = new Integration(config, {
      validators: { actions: { create_issue: { input, output } } },
      configChecked: true,
    });
    integration.action("create_issue", async () => ({ data: { id: "1" } }));
    const valid = await integration.executeAction("create_issue", { title: "x" }, flat());
    expect(valid.type).toBe("action");
    expect(reads).toBe(0);
    const invalid = await integration.executeAction("create_issue", { count: 2 } as never, flat());
    expect(invalid.type).toBe("validation_error");
    expect((invalid.result as { message: string }).message).toContain("$.title: is required");
    expect(reads).toBeGreaterThan(0);
  });

  it("gives the full violation list even when a precompiled validator stops at the first", async () => {
    const first = Object.assign(() => false, {
      errors: [
        {
          instancePath: "",
          schemaPath: "#/required",
          keyword: "required",
          params: { missingProperty: "title" },
        },
      ],
    }) as unknown as ValidateFunction;
    const integration = new Integration(sampleConfig(), {
      validators: { actions: { create_issue: { input: first } } },
    });
    integration.action("create_issue", async () => ({ data: { id: "1" } }));
    const result = await integration.executeAction("create_issue", { count: "x" } as never, flat());
    const message = (result.result as { message: string }).message;
    expect(message).toContain("$.title: is required");
    expect(message).toContain("$.count: must be integer");
  });
});

describe("registration", () => {
  it("throws ConfigurationError for a name absent from the config", () => {
    const integration = new Integration(sampleConfig());
    expect(() =>
      integration.action("delete_everything" as never, async () => ({ data: {} })),
    ).toThrow(ConfigurationError);
    expect(() => integration.pollingTrigger("nope" as never, async () => [])).toThrow(
      /Polling trigger "nope" is not defined/,
    );
    let error: unknown;
    try {
      integration.action("create_isue" as never, async () => ({ data: {} }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: "unknown_action", pointer: "/actions" });
    expect((error as Error).message).toContain('"create_issue"');
  });

  it("replaces a handler registered again", async () => {
    const integration = tracker().action("create_issue", async () => ({ data: { id: "second" } }));
    const result = await integration.executeAction("create_issue", { title: "x" }, flat());
    expect(result.result).toEqual({ data: { id: "second" }, cost_usd: null });
  });

  it("checks a config given to the constructor", () => {
    const config = sampleConfig();
    delete (config.actions.create_issue as { output_schema?: unknown }).output_schema;
    expect(() => new Integration(config)).toThrow(
      'config.json#/actions/create_issue: missing "output_schema": add an output_schema object',
    );
  });

  it("skips the structural check of a config marked configChecked, as codegen's output is", async () => {
    const broken = () => {
      const config = sampleConfig();
      (config as { description: unknown }).description = 42;
      return config;
    };
    let error: unknown;
    try {
      new Integration(broken());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: "config_invalid", pointer: "/description" });
    const integration = new Integration(broken(), { configChecked: true });
    expect(integration.config.description).toBe(42);
    integration.action("create_issue", async () => ({ data: { id: "1" } }));
    const result = await integration.executeAction("create_issue", { title: "x" }, flat());
    expect(result.result).toEqual({ data: { id: "1" }, cost_usd: null });
  });
});

describe("executePollingTrigger", () => {
  const poll = (records: unknown) =>
    new Integration(sampleConfig()).pollingTrigger("new_issues", async () => records as never);

  it("returns valid records and passes lastPollTs", async () => {
    let seenTs: string | null = "unset";
    const integration = new Integration(sampleConfig()).pollingTrigger(
      "new_issues",
      async (_inputs, ts) => {
        seenTs = ts;
        return [
          { id: "1", data: { title: "a" } },
          { id: "2", data: { title: "b" } },
        ];
      },
    );
    const records = await integration.executePollingTrigger(
      "new_issues",
      { project: "p" },
      "2024-01-01T00:00:00Z",
      flat(),
    );
    expect(records.map((r) => r.id)).toEqual(["1", "2"]);
    expect(seenTs).toBe("2024-01-01T00:00:00Z");
  });

  it.each([
    ["not registered", new Integration(sampleConfig()), { project: "p" }, "not_registered"],
    ["invalid inputs", poll([]), {}, "invalid_input"],
    ["a record without id", poll([{ data: { title: "a" } }]), { project: "p" }, "invalid_result"],
    ["a record without data", poll([{ id: "1" }]), { project: "p" }, "invalid_result"],
    [
      "data failing output_schema",
      poll([{ id: "1", data: {} }]),
      { project: "p" },
      "invalid_output",
    ],
    ["a non-array", poll({ id: "1" }), { project: "p" }, "invalid_result"],
  ])("throws ValidationError for %s", async (_label, integration, inputs, code) => {
    const error = await integration
      .executePollingTrigger("new_issues", inputs as never, null, flat())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code });
  });

  it("throws ValidationError for invalid credentials", async () => {
    const error = await poll([])
      .executePollingTrigger(
        "new_issues",
        { project: "p" },
        null,
        new ExecutionContext({ auth: {} }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "ValidationError",
      code: "invalid_credentials",
      property: "$.api_key",
    });
  });

  it("polls without auth.fields in the config (no crash)", async () => {
    const config = sampleConfig();
    config.auth = { type: "platform", provider: "tracker" };
    const integration = new Integration(config).pollingTrigger("new_issues", async () => [
      { id: "1", data: { title: "t" } },
    ]);
    expect(
      await integration.executePollingTrigger(
        "new_issues",
        { project: "p" },
        null,
        new ExecutionContext(),
      ),
    ).toHaveLength(1);
  });
});

describe("getConnectedAccount", () => {
  it("returns every field, null when unknown, in the Python SDK's order", async () => {
    const integration = tracker().connectedAccount(async () => ({
      email: "a@b.c",
      first_name: "Ada",
    }));
    const result = await integration.getConnectedAccount(flat());
    expect(JSON.stringify(result)).toBe(
      '{"version":"2.0.0","type":"connected_account","result":{"email":"a@b.c","first_name":"Ada","last_name":null,"username":null,"user_id":null,"avatar_url":null,"organization":null}}',
    );
  });

  it("throws ValidationError without a handler, with invalid credentials, or for a non-object", async () => {
    await expect(tracker().getConnectedAccount(flat())).rejects.toMatchObject({
      code: "not_registered",
    });
    const integration = tracker().connectedAccount(async () => ({ email: "a@b.c" }));
    await expect(integration.getConnectedAccount(new ExecutionContext())).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    const bad = tracker().connectedAccount(async () => "me" as never);
    await expect(bad.getConnectedAccount(flat())).rejects.toMatchObject({
      name: "ValidationError",
      code: "invalid_result",
    });
  });
});
