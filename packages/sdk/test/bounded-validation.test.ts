import { describe, expect, it } from "vitest";
import { ExecutionContext, Integration, type IntegrationConfig } from "../src/index.ts";

function configWith(input_schema: Record<string, unknown>): IntegrationConfig {
  return {
    name: "t",
    version: "1.0.0",
    description: "t",
    entry_point: "t.py",
    actions: {
      act: {
        description: "act",
        input_schema,
        output_schema: { type: "object" },
      },
    },
  };
}

async function run(inputSchema: Record<string, unknown>, inputs: unknown) {
  const integration = new Integration(configWith(inputSchema)).action("act", async () => ({
    data: {},
  }));
  return integration.executeAction("act", inputs as never, new ExecutionContext());
}

describe("own properties only", () => {
  it("does not let an inherited toString satisfy required", async () => {
    const result = await run({ type: "object", required: ["toString"] }, {});
    expect(result).toMatchObject({
      type: "validation_error",
      result: { property: "$.toString", source: "input" },
    });
  });

  it("does not read an inherited constructor as an optional property", async () => {
    const result = await run(
      { type: "object", properties: { constructor: { type: "string" } } },
      {},
    );
    expect(result.type).toBe("action");
  });
});

const recursiveSchema = {
  $ref: "#/definitions/node",
  definitions: {
    node: {
      type: "object",
      properties: { child: { $ref: "#/definitions/node" }, name: { type: "string" } },
    },
  },
};

describe("deeply nested input", () => {
  it("reports input nested 10,000 deep against a recursive schema as a validation_error", async () => {
    const schema = recursiveSchema;
    let inputs: Record<string, unknown> = { name: "leaf" };
    for (let i = 0; i < 10_000; i += 1) inputs = { child: inputs };
    const result = await run(schema, inputs);
    expect(result).toMatchObject({
      type: "validation_error",
      result: { property: "$", source: "input" },
    });
    expect(result.type === "validation_error" && result.result.message).toContain(
      "nested too deeply",
    );
  });

  it("still validates recursive input of a sane depth", async () => {
    const schema = recursiveSchema;
    let inputs: Record<string, unknown> = { name: 5 };
    for (let i = 0; i < 50; i += 1) inputs = { child: inputs };
    const result = await run(schema, inputs);
    expect(result).toMatchObject({ type: "validation_error" });
    expect(result.type === "validation_error" && result.result.property).toMatch(/\.name$/);
  });
});
