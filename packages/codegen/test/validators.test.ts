import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { IntegrationConfig, ValidateFunction } from "@plugboard/sdk";
import { AJV_OPTIONS, normalizeSchema } from "@plugboard/sdk/internal";
import { Ajv } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../src/generate.ts";
import { parseAndCheck } from "../src/read-config.ts";
import {
  fixture,
  loadValidators,
  type ValidatorsModule,
  validatorOf,
  workspace,
  writeAll,
} from "./helpers.ts";

const { dir, cleanup } = workspace();
afterAll(cleanup);

function firstError(validate: ValidateFunction, data: unknown) {
  expect(validate(data)).toBe(false);
  return validate.errors?.[0];
}

type Named<K extends string> = ValidatorsModule & Record<K, ValidateFunction>;
type NotesValidators = Named<
  "createNoteInput" | "createNoteOutput" | "listNotesOutput" | "newNotesRecord" | "credentials"
>;
type ShapesValidators = Named<
  "kitchenSinkInput" | "kitchenSinkOutput" | "eitherOutput" | "noSchemaBodyInput"
>;

describe("validators of the notes fixture", async () => {
  const v = await loadValidators<NotesValidators>(fixture("notes"), dir);

  it("exports every validator by name and in the PrecompiledValidators shape", () => {
    expect(v.validators.actions?.create_note?.input).toBe(v.createNoteInput);
    expect(v.validators.actions?.create_note?.output).toBe(v.createNoteOutput);
    expect(v.validators.triggers?.new_notes?.output).toBe(v.newNotesRecord);
    expect(v.validators.credentials).toBe(v.credentials);
    expect(Object.keys(v.validators.actions ?? {})).toEqual([
      "create_note",
      "list_notes",
      "delete_note",
    ]);
  });

  it("accepts good samples, extra properties and unasserted formats", () => {
    expect(v.createNoteInput({ title: "Groceries" })).toBe(true);
    expect(v.createNoteInput({ title: "x", due: null, tags: ["a"], priority: "high" })).toBe(true);
    expect(v.createNoteInput({ title: "x", due: "not a date", extra: 1 })).toBe(true);
    expect(v.listNotesOutput({ notes: [{ id: "1", title: "t" }], next_cursor: null })).toBe(true);
    expect(v.credentials({ api_key: "k" })).toBe(true);
  });

  it("rejects bad samples with the path, keyword and message of the first problem", () => {
    expect(firstError(v.createNoteInput, {})).toMatchObject({
      instancePath: "",
      keyword: "required",
      params: { missingProperty: "title" },
      message: "must have required property 'title'",
    });
    expect(firstError(v.createNoteInput, { title: 5 })).toMatchObject({
      instancePath: "/title",
      schemaPath: "#/properties/title/type",
      message: "must be string",
    });
    expect(firstError(v.createNoteInput, { title: "x", tags: ["a", 2] })).toMatchObject({
      instancePath: "/tags/1",
      keyword: "type",
    });
    expect(firstError(v.createNoteInput, { title: "x", tags: Array(21).fill("t") })).toMatchObject({
      instancePath: "/tags",
      keyword: "maxItems",
      params: { limit: 20 },
    });
    expect(firstError(v.createNoteInput, { title: "x", priority: "urgent" })).toMatchObject({
      instancePath: "/priority",
      keyword: "enum",
      params: { allowedValues: ["low", "normal", "high"] },
    });
    expect(
      firstError(v.listNotesOutput, { notes: [{ id: "1" }], next_cursor: null }),
    ).toMatchObject({
      instancePath: "/notes/0",
      params: { missingProperty: "title" },
    });
    expect(firstError(v.credentials, { subdomain: "acme" })).toMatchObject({
      params: { missingProperty: "api_key" },
    });
  });
});

describe("validators of the shapes fixture", async () => {
  const v = await loadValidators<ShapesValidators>(fixture("shapes"), dir);
  const base = { status: "open", ids: ["a"] };

  it("follows draft-07 as the runtime does: nullable and draft-03 required are ignored", () => {
    expect(v.kitchenSinkInput(base)).toBe(true);
    expect(firstError(v.kitchenSinkInput, { ...base, openapi_nullable: null })).toMatchObject({
      instancePath: "/openapi_nullable",
      keyword: "type",
    });
    expect(
      firstError(v.kitchenSinkInput, { ...base, closed_object: { a: "x", b: 1 } }),
    ).toMatchObject({
      instancePath: "/closed_object",
      keyword: "additionalProperties",
      params: { additionalProperty: "b" },
    });
    expect(v.kitchenSinkInput({ ...base, untyped: [1, "x"], open_object: { b: 1 } })).toBe(true);
    expect(firstError(v.kitchenSinkInput, { ...base, pattern_string: "ABC" })).toMatchObject({
      keyword: "pattern",
    });
  });

  it("validates non-object roots and accepts anything against an empty schema", () => {
    expect(v.kitchenSinkOutput([{ id: "1" }])).toBe(true);
    expect(firstError(v.kitchenSinkOutput, [{ id: 1 }])).toMatchObject({ instancePath: "/0/id" });
    expect(v.eitherOutput({ ok: false, error: "boom" })).toBe(true);
    expect(v.eitherOutput({ ok: true })).toBe(false);
    expect(v.eitherOutput.errors?.map((e) => e.keyword)).toContain("oneOf");
    expect(v.noSchemaBodyInput(42)).toBe(true);
    expect("credentials" in v.validators).toBe(false);
  });
});

describe("validators of the refs fixture", async () => {
  type RefsValidators = Named<
    "listTasksInput" | "listTasksOutput" | "getTaskOutput" | "getBoardOutput"
  >;
  const v = await loadValidators<RefsValidators>(fixture("refs"), dir);
  const deep = {
    tasks: [{ id: "1", status: "open", subtasks: [{ id: "2", status: "done", subtasks: [] }] }],
  };

  it("follow local $refs, recursion included, to any depth", () => {
    expect(v.listTasksOutput(deep)).toBe(true);
    const bad = {
      tasks: [
        {
          id: "1",
          status: "open",
          subtasks: [{ id: "2", status: "done", subtasks: [{ id: "3", status: "x" }] }],
        },
      ],
    };
    expect(firstError(v.listTasksOutput, bad)).toMatchObject({
      instancePath: "/tasks/0/subtasks/0/subtasks/0/status",
      keyword: "enum",
    });
    expect(firstError(v.getTaskOutput, { task: { id: "1" } })).toMatchObject({
      instancePath: "/task",
      keyword: "required",
      params: { missingProperty: "status" },
    });
    expect(v.listTasksInput({ status: "done" })).toBe(true);
    expect(firstError(v.listTasksInput, { status: "later" })).toMatchObject({ keyword: "enum" });
    expect(firstError(v.getBoardOutput, { task: { title: 1 } })).toMatchObject({
      instancePath: "/task/title",
    });
  });
});

describe("generated validators read own properties only", async () => {
  const config = parseAndCheck(
    JSON.stringify({
      name: "own",
      version: "1.0.0",
      description: "own",
      entry_point: "own.py",
      actions: {
        needs_to_string: {
          description: "required toString",
          input_schema: { type: "object", required: ["toString"] },
          output_schema: { type: "object", properties: { constructor: { type: "string" } } },
        },
      },
    }),
    "own/config.json",
  );
  const v = await loadValidators<Named<"needsToStringInput" | "needsToStringOutput">>(config, dir);

  it("does not let an inherited toString satisfy required", () => {
    expect(firstError(v.needsToStringInput, {})).toMatchObject({
      keyword: "required",
      params: { missingProperty: "toString" },
    });
    expect(v.needsToStringInput({ toString: "own" })).toBe(true);
  });

  it("does not read an inherited constructor as an optional property", () => {
    expect(v.needsToStringOutput({})).toBe(true);
    expect(v.needsToStringOutput({ constructor: 1 })).toBe(false);
  });
});

// Every keyword, checked against Ajv itself with the same options: the generated module is
// rewritten (shared helpers, hoisted constants, minified), so its errors must still be Ajv's.
const keywordSchemas: Record<string, unknown> = {
  numbers: {
    type: "object",
    properties: {
      min: { minimum: 1 },
      xmax: { exclusiveMaximum: 10 },
      multiple: { multipleOf: 3 },
      short: { maxLength: 2 },
      long: { minLength: 2 },
      unique: { uniqueItems: true },
      few: { maxProperties: 1 },
      many: { minProperties: 2 },
      constant: { const: { a: [1] } },
      objectEnum: { enum: [{ a: 1 }, "x"] },
      tuple: { items: [{ type: "string" }], additionalItems: false },
      contains: { contains: { type: "number" } },
      names: { propertyNames: { pattern: "^[a-z]+$" } },
      never: false,
      negated: { not: { type: "string" } },
      // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword here.
      conditional: { if: { type: "string" }, then: { minLength: 3 } },
      deps: { dependencies: { a: ["b", "c"] } },
      anyOf: { anyOf: [{ type: "string" }, { type: "number" }] },
      emoji: { maxLength: 1 },
      patterned: { patternProperties: { "^x-": { type: "string" } } },
    },
  },
};

const keywordSamples: Array<Record<string, unknown>> = [
  { min: 0 },
  { xmax: 10 },
  { multiple: 4 },
  { short: "abc" },
  { long: "a" },
  { unique: [1, 2, 1] },
  { few: { a: 1, b: 2 } },
  { many: { a: 1 } },
  { constant: { a: [2] } },
  { objectEnum: { a: 2 } },
  { tuple: ["a", "b"] },
  { tuple: [1] },
  { contains: ["a"] },
  { names: { Bad: 1 } },
  { never: 1 },
  { negated: "s" },
  { conditional: "ab" },
  { deps: { a: 1, b: 2 } },
  { anyOf: true },
  { emoji: "😀" },
  { emoji: "😀😀" },
  { patterned: { "x-a": 1 } },
  { min: 5, emoji: "😀", objectEnum: "x" },
];

describe("generated validators report exactly what Ajv reports", async () => {
  const config: IntegrationConfig = {
    name: "keywords",
    version: "1.0.0",
    description: "Every keyword.",
    entry_point: "k.py",
    actions: {
      every_keyword: {
        description: "Every keyword.",
        input_schema: keywordSchemas.numbers as Record<string, unknown>,
        output_schema: {},
      },
    },
  };
  const everyKeywordInput = validatorOf(await loadValidators(config, dir), "everyKeywordInput");
  const reference = new Ajv({ ...AJV_OPTIONS, code: {} }).compile(
    normalizeSchema(keywordSchemas.numbers) as object,
  );

  it.each(keywordSamples.map((sample) => [JSON.stringify(sample), sample]))(
    "%s",
    (_label, sample) => {
      const expected = reference(sample);
      expect(everyKeywordInput(sample)).toBe(expected);
      expect(everyKeywordInput.errors ?? null).toEqual(reference.errors ?? null);
    },
  );
});

describe("the validators modules", () => {
  it("have no require( and import Ajv's run-time helpers from the SDK only", () => {
    for (const name of ["notes", "shapes", "adversarial"]) {
      for (const file of generate(fixture(name)).filter((f) => f.path.endsWith(".js"))) {
        expect(file.contents, file.path).not.toContain("require(");
        const imports = [...file.contents.matchAll(/\bimport\b[^"]*"([^"]+)"/g)].map((m) => m[1]);
        if (/\/(actions|triggers)\//.test(file.path)) {
          // One file per action: its input and output validators, by those names.
          expect(file.contents, file.path).toMatch(/^export const input = \w+;$/m);
          for (const from of imports) expect(from, file.path).toBe("@plugboard/sdk");
        }
        for (const from of imports) {
          expect(from, file.path).toMatch(
            /^(@plugboard\/sdk|\.\/credentials\.gen\.js|\.\/(actions|triggers)\/[^/]+\.gen\.js)$/,
          );
        }
      }
    }
  });

  it("are Ajv's code as Ajv prints it: readable, one statement per line, not minified", () => {
    const files = generate(fixture("notes")).filter((f) => f.path.endsWith(".js"));
    const createNote = files.find((f) => f.path === "src/generated/actions/create_note.gen.js");
    const lines = createNote?.contents.split("\n") ?? [];
    expect(lines.length).toBeGreaterThan(50);
    // Ajv's own names, not mangled ones; its error objects spelled out.
    expect(createNote?.contents).toMatch(/^function validate0\(data, \{instancePath=""/m);
    expect(createNote?.contents).toContain('message:"must be string"');
    expect(createNote?.contents).toMatch(/^const func\d+ = validatorRuntime\.ucs2length;$/m);
    // No line of code is minified-long except the schema constants Ajv reads error params from.
    const long = lines.filter((line) => line.length > 400 && !line.startsWith("const schema"));
    expect(long).toEqual([]);
  });

  it("load an action's validators only when it is first used", async () => {
    const files = generate(fixture("notes")).filter((f) => f.path.endsWith(".js"));
    const root = join(dir, "lazy-notes");
    writeAll(root, files);
    const index = await import(pathToFileURL(join(root, "src/generated/validators.gen.js")).href);
    const loader = index.validators.actions.create_note;
    expect(typeof loader).toBe("function");
    const chunk = await loader();
    expect(chunk.input({ title: "x" })).toBe(true);
    expect(chunk.input({})).toBe(false);
    expect(await loader()).toBe(chunk);
  });

  it("try a chunk again after a failed load", () => {
    const files = generate(fixture("notes")).filter((f) => f.path.endsWith(".js"));
    const root = join(dir, "retry-notes");
    writeAll(root, files);
    const chunkPath = join(root, "src/generated/actions/create_note.gen.js");
    const chunkText = readFileSync(chunkPath, "utf8");
    rmSync(chunkPath);
    // In plain Node, as integrations run: vitest's own module loader keeps failed imports.
    const script = `
      import { writeFileSync } from "node:fs";
      const { validators } = await import(${JSON.stringify(pathToFileURL(join(root, "src/generated/validators.gen.js")).href)});
      const loader = validators.actions.create_note;
      const first = await loader().then(() => "loaded", (error) => error.code);
      writeFileSync(${JSON.stringify(chunkPath)}, ${JSON.stringify(chunkText)});
      const chunk = await loader();
      console.log(JSON.stringify([first, chunk.input({ title: "x" }), chunk.input({}), (await loader()) === chunk]));
    `;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual(["ERR_MODULE_NOT_FOUND", true, false, true]);
  });

  it("share one chunk, loaded once, between actions with the same schemas", async () => {
    const schema = { type: "object", properties: { id: { type: "string" } } };
    const action = { description: "List.", input_schema: schema, output_schema: schema };
    const config: IntegrationConfig = {
      name: "twins",
      version: "1.0.0",
      description: "Two actions, one shape.",
      entry_point: "t.py",
      actions: { list_a: action, list_b: action },
    };
    const files = generate(config).filter((f) => f.path.endsWith(".js"));
    expect(files.filter((f) => f.path.startsWith("src/generated/actions/"))).toHaveLength(1);
    const root = join(dir, "twins");
    writeAll(root, files);
    const index = await import(pathToFileURL(join(root, "src/generated/validators.gen.js")).href);
    const [a, b] = await Promise.all([
      index.validators.actions.list_a(),
      index.validators.actions.list_b(),
    ]);
    expect(a).toBe(b);
    expect(a.input({ id: "1" })).toBe(true);
    expect(a.input({ id: 1 })).toBe(false);
  });

  it("re-export, by name, a schema an earlier action's file already validates", async () => {
    const ticket = { type: "object", properties: { id: { type: "integer" } }, required: ["id"] };
    const config: IntegrationConfig = {
      name: "tickets",
      version: "1.0.0",
      description: "Two actions returning a ticket.",
      entry_point: "t.py",
      actions: {
        get_ticket: {
          description: "Get.",
          input_schema: { type: "object", properties: { id: { type: "integer" } } },
          output_schema: ticket,
        },
        close_ticket: {
          description: "Close.",
          input_schema: { type: "object", properties: { reason: { type: "string" } } },
          output_schema: ticket,
        },
      },
    };
    const files = generate(config).filter((f) => f.path.endsWith(".js"));
    const close = files.find((f) => f.path === "src/generated/actions/close_ticket.gen.js");
    expect(close?.contents).toContain('export { output } from "./get_ticket.gen.js";');
    // The ticket's validator is printed once, in get_ticket's file.
    expect(close?.contents.match(/"required":\["id"\]/g) ?? []).toHaveLength(0);
    const root = join(dir, "tickets");
    writeAll(root, files);
    const index = await import(pathToFileURL(join(root, "src/generated/validators.gen.js")).href);
    const get = await index.validators.actions.get_ticket();
    const closeChunk = await index.validators.actions.close_ticket();
    expect(closeChunk.output).toBe(get.output);
    expect(closeChunk.output({ id: 1 })).toBe(true);
    expect(closeChunk.output({})).toBe(false);
    expect(closeChunk.input({ reason: "done" })).toBe(true);
    expect(closeChunk.input({ reason: 1 })).toBe(false);
  });

  it("follow a root $ref (#) recursively", async () => {
    const tree = { type: "object", properties: { n: { type: "integer" }, child: { $ref: "#" } } };
    const config: IntegrationConfig = {
      name: "tree",
      version: "1.0.0",
      description: "A recursive input.",
      entry_point: "t.py",
      actions: { walk: { description: "Walk.", input_schema: tree, output_schema: {} } },
    };
    const walkInput = validatorOf(await loadValidators(config, dir), "walkInput");
    expect(walkInput({ n: 1, child: { child: { n: 3 } } })).toBe(true);
    expect(walkInput({ n: 1, child: { child: { n: "x" } } })).toBe(false);
  });

  it("share one function between identical schemas of one action", async () => {
    const schema = { type: "object", properties: { id: { type: "string" } } };
    const config: IntegrationConfig = {
      name: "same",
      version: "1.0.0",
      description: "Same schema twice.",
      entry_point: "s.py",
      actions: { echo: { description: "Echo.", input_schema: schema, output_schema: schema } },
    };
    const v = await loadValidators(config, dir);
    expect(validatorOf(v, "echoInput")).toBe(validatorOf(v, "echoOutput"));
  });
});

describe("names that look like the code the validators module is rewritten from", async () => {
  const tricky = '{instancePath,schemaPath:"x",keyword:"y",params:{},message:"z"}';
  const schema = {
    type: "object",
    properties: { [tricky]: { type: "string" }, "schema11.properties": { enum: ["a", "b"] } },
    required: [tricky, "schema11.properties"],
  };
  const config: IntegrationConfig = {
    name: "tricky",
    version: "1.0.0",
    description: "Tricky names.",
    entry_point: "t.py",
    actions: { act: { description: "Act.", input_schema: schema, output_schema: {} } },
  };
  const actInput = validatorOf(await loadValidators(config, dir), "actInput");
  const reference = new Ajv({ ...AJV_OPTIONS, code: {} }).compile(
    normalizeSchema(schema) as object,
  );

  it.each([
    [{}],
    [{ [tricky]: 1, "schema11.properties": "a" }],
    [{ [tricky]: "ok", "schema11.properties": "c" }],
    [{ [tricky]: "ok", "schema11.properties": "a" }],
  ])("%j", (sample) => {
    expect(actInput(sample)).toBe(reference(sample));
    expect(actInput.errors ?? null).toEqual(reference.errors ?? null);
  });
});
