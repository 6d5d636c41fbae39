import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigurationError } from "@plugboard/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { CodegenError, type ConfigWarning } from "../src/errors.ts";
import { generate } from "../src/generate.ts";
import { readConfig } from "../src/read-config.ts";
import { workspace } from "./helpers.ts";

const { dir, cleanup } = workspace();
afterAll(cleanup);

function configWith(inputSchema: unknown): string {
  return JSON.stringify(
    {
      name: "demo",
      version: "1.0.0",
      description: "Demo.",
      entry_point: "demo.py",
      actions: { act: { description: "Act.", input_schema: inputSchema, output_schema: {} } },
    },
    null,
    2,
  );
}

function read(text: string, warnings: ConfigWarning[] = []) {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  return () => readConfig(file, { onWarning: (w) => warnings.push(w) });
}

function thrown(fn: () => unknown): Error & Record<string, unknown> {
  try {
    fn();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected an error");
}

describe("configs nested too deeply", () => {
  it.each([65, 20_000])(
    "name the file and JSON pointer of a schema nested %i deep instead of overflowing",
    (depth) => {
      // Written as text: JSON.stringify itself overflows on such a value.
      const schema = `${'{"type":"array","items":'.repeat(depth)}{}${"}".repeat(depth)}`;
      const text = configWith("SCHEMA").replace('"SCHEMA"', schema);
      const error = thrown(read(text));
      expect(error).toBeInstanceOf(ConfigurationError);
      const pointer = `/actions/act/input_schema${"/items".repeat(61)}`;
      expect(error).toMatchObject({ code: "config_invalid", pointer });
      expect(error.message).toMatch(
        new RegExp(`config-\\w+\\.json#${pointer}: nested deeper than 64 levels`),
      );
      expect(error.file).toMatch(/config-\w+\.json$/);
    },
  );
});

describe("readConfig", () => {
  it("reports a missing file", () => {
    const error = thrown(() => readConfig(join(dir, "nope/config.json")));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.code).toBe("config_not_found");
  });

  it("reports bad JSON with file, line and column", () => {
    const error = thrown(read('{\n  "name": "demo",\n  "version": 1.0.0\n}'));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: "config_invalid_json", line: 3 });
    expect(error.message).toMatch(/config-\w+\.json:3:\d+/);
  });

  it("reports a structural problem with its JSON pointer", () => {
    const error = thrown(
      read('{ "name": "demo", "version": "1.0.0", "description": "d", "entry_point": "e" }'),
    );
    expect(error).toMatchObject({ code: "config_invalid", pointer: "" });
    expect(error.message).toContain('missing "actions"');
  });

  it("reports an invalid JSON Schema with its pointer and keyword", () => {
    // The SDK's structural check already catches a bad `type`.
    const badType = thrown(
      read(configWith({ type: "object", properties: { n: { type: "integr" } } })),
    );
    expect(badType).toMatchObject({ pointer: "/actions/act/input_schema/properties/n/type" });
    expect(badType.message).toContain('"integer"');
    const error = thrown(read(configWith({ type: "array", maxItems: "20" })));
    expect(error).toBeInstanceOf(CodegenError);
    expect(error).toMatchObject({
      code: "invalid_schema",
      pointer: "/actions/act/input_schema/maxItems",
      keyword: "maxItems",
    });
    expect(error.message).toContain("must be integer");
    const badMin = thrown(read(configWith({ type: "string", minLength: -1 })));
    expect(badMin).toMatchObject({
      pointer: "/actions/act/input_schema/minLength",
      keyword: "minLength",
    });
    const badPattern = thrown(read(configWith({ type: "string", pattern: "([a-z" })));
    expect(badPattern).toMatchObject({
      pointer: "/actions/act/input_schema/pattern",
      keyword: "pattern",
    });
  });

  it("accepts local $refs and refuses others, or dangling ones, saying where and how to fix", () => {
    const local = read(
      configWith({
        type: "object",
        properties: { a: { $ref: "#/definitions/x" } },
        definitions: { x: { type: "string" } },
      }),
    )();
    expect(local.name).toBe("demo");
    const remote = thrown(
      read(configWith({ type: "object", properties: { a: { $ref: "https://x.example/s.json" } } })),
    );
    expect(remote).toMatchObject({
      code: "unsupported_schema",
      pointer: "/actions/act/input_schema/properties/a/$ref",
    });
    expect(remote.message).toContain(
      'only local "$ref"s are supported (like "#/definitions/task")',
    );
    const dangling = thrown(
      read(configWith({ type: "object", properties: { a: { $ref: "#/definitions/x" } } })),
    );
    expect(dangling).toMatchObject({
      code: "invalid_schema",
      pointer: "/actions/act/input_schema/properties/a/$ref",
    });
    expect(dangling.message).toContain(
      '"$ref" "#/definitions/x" points at nothing in this schema; add it under "definitions" or fix the name',
    );
  });

  it("warns about likely typos of keywords with the keyword meant, not about known annotations", () => {
    const warnings: ConfigWarning[] = [];
    read(
      configWith({
        type: "object",
        propertys: { a: { typ: "string" } },
        properties: {
          b: {
            type: "array",
            itmes: { type: "string" },
            label: "B",
            help_text: "…",
            "x-ui": 1,
            nullable: true,
          },
          requried: { type: "string" },
        },
        requried: ["b"],
      }),
      warnings,
    )();
    const typos = warnings.filter((w) => w.message.startsWith("unknown keyword"));
    expect(typos.map((w) => [w.pointer, w.message])).toEqual([
      [
        "/actions/act/input_schema/propertys",
        'unknown keyword "propertys" is ignored: did you mean "properties"?',
      ],
      [
        "/actions/act/input_schema/requried",
        'unknown keyword "requried" is ignored: did you mean "required"?',
      ],
      [
        "/actions/act/input_schema/properties/b/itmes",
        'unknown keyword "itmes" is ignored: did you mean "items"?',
      ],
    ]);
  });

  it("warns about tolerated oddities and still returns the config", () => {
    const warnings: ConfigWarning[] = [];
    const config = read(
      configWith({
        type: "object",
        properties: { a: { type: "string", required: false, nullable: true } },
      }),
      warnings,
    )();
    expect(config.name).toBe("demo");
    expect(warnings.map((w) => w.pointer)).toEqual([
      "/actions/act/input_schema/properties/a/required",
      "/actions/act/input_schema/properties/a/nullable",
    ]);
    expect(warnings[0]?.message).toContain("draft-03");
  });
});

describe("generate on an unchecked config", () => {
  it("checks the schemas itself", () => {
    const config = JSON.parse(configWith({ type: "object", properties: { n: { enum: [] } } }));
    expect(thrown(() => generate(config))).toMatchObject({ code: "invalid_schema" });
  });
});
