import { describe, expect, it } from "vitest";
import { inputToolSchema, outputToolSchema } from "../../src/mcp/tool-schema.ts";

describe("outputToolSchema", () => {
  it("keeps an object root as it is", () => {
    const schema = { type: "object", properties: { id: { type: "string" } }, required: ["id"] };
    expect(outputToolSchema(schema)).toEqual({ schema, wrappedAs: undefined });
  });

  it.each([
    ["an array", { type: "array", items: { type: "string" } }],
    ["a null union", { type: ["array", "null"], items: { type: "integer" } }],
    ["a root oneOf", { oneOf: [{ type: "object" }, { type: "array" }] }],
    ["an untyped root", { description: "anything" }],
  ])("wraps %s as { result: … }", (_, schema) => {
    expect(outputToolSchema(schema)).toEqual({
      schema: {
        type: "object",
        properties: { result: schema },
        required: ["result"],
        additionalProperties: false,
      },
      wrappedAs: "result",
    });
  });

  it("wraps a missing output_schema, so structuredContent is always an object", () => {
    expect(outputToolSchema(undefined).wrappedAs).toBe("result");
  });

  it("moves definitions to the new root and rewrites local $refs", () => {
    const { schema } = outputToolSchema({
      type: "array",
      items: { $ref: "#/definitions/item" },
      definitions: { item: { type: "object", properties: { next: { $ref: "#" } } } },
    });
    expect(schema).toEqual({
      type: "object",
      definitions: {
        item: { type: "object", properties: { next: { $ref: "#/properties/result" } } },
      },
      properties: { result: { type: "array", items: { $ref: "#/definitions/item" } } },
      required: ["result"],
      additionalProperties: false,
    });
  });

  it("drops format (never asserted by Plugboard) and what is not JSON Schema", () => {
    const { schema } = outputToolSchema({
      type: "object",
      nullable: true,
      properties: {
        url: { type: "string", format: "uri", label: "URL", "x-autohive-input": "link" },
        label: { type: "string", required: false },
      },
    });
    expect(schema).toEqual({
      type: "object",
      properties: { url: { type: "string", title: "URL" }, label: { type: "string" } },
    });
  });
});

describe("inputToolSchema", () => {
  it("turns label into title and help_text into description, keeping format", () => {
    const { schema } = inputToolSchema({
      type: "object",
      properties: {
        email: { type: "string", format: "email", label: "Email", help_text: "Work address." },
        note: { type: "string", description: "A note.", help_text: "Markdown allowed." },
        title: { type: "string", title: "Kept", label: "Ignored" },
      },
    });
    expect(schema.properties).toEqual({
      email: { type: "string", format: "email", title: "Email", description: "Work address." },
      note: { type: "string", description: "A note.\nMarkdown allowed." },
      title: { type: "string", title: "Kept" },
    });
  });

  it("narrows an untyped or object-or-null root to an object", () => {
    expect(inputToolSchema({ properties: { a: {} } })).toEqual({
      schema: { type: "object", properties: { a: {} } },
      wrappedAs: undefined,
    });
    expect(inputToolSchema({ type: ["object", "null"] }).schema.type).toBe("object");
    expect(inputToolSchema(undefined).schema).toEqual({ type: "object" });
  });

  it("wraps a root that cannot be an object as { input: … }", () => {
    expect(inputToolSchema({ type: "array", items: { type: "string" } })).toEqual({
      schema: {
        type: "object",
        properties: { input: { type: "array", items: { type: "string" } } },
        required: ["input"],
        additionalProperties: false,
      },
      wrappedAs: "input",
    });
  });

  it("leaves the config's schema untouched", () => {
    const source = { type: "object", properties: { a: { type: "string", label: "A" } } };
    const before = structuredClone(source);
    inputToolSchema(source);
    expect(source).toEqual(before);
  });
});
