import { type RecordingServer, startRecordingServer } from "@plugboard/testing";
import { afterEach, describe, expect, it } from "vitest";
import {
  applyDefaults,
  ExecutionContext,
  Integration,
  type IntegrationConfig,
} from "../src/index.ts";

let server: RecordingServer;
afterEach(async () => {
  await server?.close();
});

const listSchema = {
  type: "object",
  properties: {
    limit: { type: "integer", default: 20 },
    filter: {
      type: "object",
      properties: { state: { type: "string", default: "open" }, tags: { type: "array" } },
    },
    sort: { $ref: "#/definitions/sort" },
    items: { type: "array", items: { $ref: "#/definitions/item" } },
  },
  definitions: {
    sort: { type: "string", enum: ["asc", "desc"], default: "desc" },
    item: {
      type: "object",
      properties: { qty: { type: "integer", default: 1 }, child: { $ref: "#/definitions/item" } },
    },
  },
};

function config(applyDefaultsFlag: boolean | undefined): IntegrationConfig {
  return {
    name: "demo",
    version: "1.0.0",
    description: "Demo",
    entry_point: "src/index.ts",
    ...(applyDefaultsFlag === undefined ? {} : { apply_defaults: applyDefaultsFlag }),
    actions: {
      list: {
        description: "Lists",
        input_schema: { ...listSchema, required: ["limit"] },
        output_schema: { type: "object" },
      },
    },
  };
}

describe("apply_defaults", () => {
  it("fills absent properties, nested, through $ref and recursion, without touching the caller's object", () => {
    const given = { filter: {}, items: [{ child: { child: {} } }, { qty: 5 }] };
    const filled = applyDefaults(listSchema, given);
    expect(filled).toEqual({
      limit: 20,
      sort: "desc",
      filter: { state: "open" },
      items: [{ qty: 1, child: { qty: 1, child: { qty: 1 } } }, { qty: 5 }],
    });
    expect(given).toEqual({ filter: {}, items: [{ child: { child: {} } }, { qty: 5 }] });
  });

  it("is off by default, as in the Python SDK: a required defaulted field is still required", async () => {
    server = await startRecordingServer({});
    const seen: unknown[] = [];
    const integration = new Integration(config(undefined)).action("list", async (inputs) => {
      seen.push(inputs);
      return { data: {} };
    });
    const context = new ExecutionContext();
    const result = await integration.executeAction("list", {}, context);
    expect(result.type).toBe("validation_error");
    expect(result.result).toMatchObject({
      message: expect.stringContaining("$.limit: is required"),
    });
    await integration.executeAction("list", { limit: 3 }, context);
    expect(seen).toEqual([{ limit: 3 }]);
    await context.close();
  });

  it("with apply_defaults: true the handler gets the defaults, validated, and sends them", async () => {
    server = await startRecordingServer({ "GET /items": { body: [] } });
    const integration = new Integration(config(true)).action("list", async (inputs, context) => {
      const { limit, sort } = inputs as { limit: number; sort: string };
      await context.fetch("https://api.example.com/items", { params: { limit, sort } });
      return { data: inputs as Record<string, unknown> };
    });
    const context = new ExecutionContext({
      originOverrides: { "https://api.example.com": server.origin },
    });
    const result = await integration.executeAction("list", { filter: {} }, context);
    expect(result).toMatchObject({
      type: "action",
      result: { data: { limit: 20, sort: "desc", filter: { state: "open" } } },
    });
    expect(server.requests[0]?.query).toEqual({ limit: "20", sort: "desc" });
    // Given values win over defaults, and are validated as usual.
    const bad = await integration.executeAction("list", { sort: "sideways" }, context);
    expect(bad.type).toBe("validation_error");
    await context.close();
  });
});
