import { describe, expect, it } from "vitest";
import { normalizeSchema } from "../src/internal.ts";
import { cachedValidator, compileSchema, explain, jsonPath } from "../src/validate.ts";

describe("compileSchema", () => {
  it("compiles a schema object once and caches its validator", async () => {
    const schema = { type: "object", properties: { a: { type: "integer" } } };
    expect(cachedValidator(schema)).toBeUndefined();
    const first = await compileSchema(schema);
    expect(await compileSchema(schema)).toBe(first);
    expect(cachedValidator(schema)).toBe(first);
    expect(first({ a: 1 })).toBe(true);
    expect(first({ a: 1.5 })).toBe(false);
  });

  it("compiles schemas that share an $id side by side", async () => {
    const a = await compileSchema({ $id: "same", type: "string" });
    const b = await compileSchema({ $id: "same", type: "number" });
    expect([a("x"), b("x")]).toEqual([true, false]);
  });

  it("follows a root $ref (#) recursively, as Draft7Validator does", async () => {
    const tree = { type: "object", properties: { n: { type: "integer" }, child: { $ref: "#" } } };
    const validate = await compileSchema(tree);
    expect(validate({ n: 1, child: { n: 2, child: { n: 3 } } })).toBe(true);
    expect(validate({ n: 1, child: { child: { n: "x" } } })).toBe(false);
    const violations = await explain(tree, validate, { child: { child: { n: "x" } } });
    expect(violations.map((v) => v.path)).toEqual(["$.child.child.n"]);
  });

  it("accepts patterns written for Python's re that unicode-mode RegExp rejects", async () => {
    const validate = await compileSchema({ type: "string", pattern: "^[a-z\\-]+$" });
    expect([validate("a-b"), validate("A")]).toEqual([true, false]);
  });
});

describe("explain", () => {
  it("lists every violation, deduplicated, with JSON paths and values", async () => {
    const schema = {
      type: "object",
      required: ["id"],
      properties: {
        tags: { type: "array", items: { type: "string" } },
        "odd key": { type: "number" },
      },
      additionalProperties: false,
    };
    const data = { tags: ["a", 1], "odd key": "x", extra: true };
    const validate = await compileSchema(schema);
    expect(validate(data)).toBe(false);
    expect(await explain(schema, validate, data)).toEqual([
      { path: "$.id", message: "is required", value: null },
      { path: "$", message: 'must NOT have additional property "extra"', value: data },
      { path: "$.tags[1]", message: "must be string", value: 1 },
      { path: '$["odd key"]', message: "must be number", value: "x" },
    ]);
  });
});

describe("jsonPath and normalizeSchema", () => {
  it("writes JSON paths", () => {
    expect(jsonPath([])).toBe("$");
    expect(jsonPath(["a", "0", "b-c"])).toBe('$.a[0]["b-c"]');
  });

  it("drops nullable, $schema, root $id and non-array required, deep in the schema", () => {
    const schema = {
      $schema: "http://json-schema.org/draft-04/schema#",
      $id: "x",
      type: "object",
      required: ["a"],
      properties: { a: { type: "string", nullable: true, required: false, label: "A" } },
      items: [{ nullable: true }],
      anyOf: [{ nullable: false, type: "object" }],
    };
    expect(normalizeSchema(schema)).toEqual({
      type: "object",
      required: ["a"],
      // Unknown keys (`label`) go too: the one form codegen's types and validators use.
      properties: { a: { type: "string" } },
      items: [{}],
      anyOf: [{ type: "object" }],
    });
    expect(schema.properties.a.nullable).toBe(true);
    // Schemas shown rather than validated (MCP tool schemas) keep title, format and unknown keys.
    expect(normalizeSchema(schema, { otherKeywords: true })).toEqual({
      type: "object",
      required: ["a"],
      properties: { a: { type: "string", label: "A" } },
      items: [{}],
      anyOf: [{ type: "object" }],
    });
  });
});
