import { describe, expect, it } from "vitest";
import { diffConfigs, requiredBump } from "../../src/review/semver-impact.ts";

type Json = Record<string, unknown>;

function config(actions: Json, extra: Json = {}): Json {
  return {
    name: "notes",
    version: "1.0.0",
    description: "Notes",
    entry_point: "x",
    actions,
    ...extra,
  };
}

const createNote = {
  display_name: "Create note",
  description: "Creates a note.",
  input_schema: {
    type: "object",
    properties: {
      title: { type: "string", description: "Title" },
      priority: { type: "string", enum: ["low", "high"] },
      tags: { type: "array", items: { type: "string" } },
    },
    required: ["title"],
  },
  output_schema: { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
};

function withInput(change: (schema: Json) => void): Json {
  const copy = structuredClone(createNote) as Json;
  change(copy.input_schema as Json);
  return config({ create_note: copy });
}

function props(schema: Json): Json {
  return schema.properties as Json;
}

const before = config({ create_note: createNote });

describe("diffConfigs", () => {
  it("needs nothing for an identical config, whatever its version says", () => {
    const after = { ...structuredClone(before), version: "1.1.0" };
    expect(diffConfigs(before, after)).toEqual([]);
    expect(requiredBump(diffConfigs(before, after))).toBe("none");
  });

  it("calls a removed action major and a new action minor", () => {
    const removed = diffConfigs(before, config({}));
    expect(removed).toEqual([
      { bump: "major", pointer: "/actions/create_note", message: 'action "create_note" removed' },
    ]);
    const added = diffConfigs(before, config({ create_note: createNote, get_note: createNote }));
    expect(requiredBump(added)).toBe("minor");
    expect(added[0]?.pointer).toBe("/actions/get_note");
  });

  it("calls a removed input major", () => {
    const changes = diffConfigs(
      before,
      withInput((s) => delete props(s).tags),
    );
    expect(requiredBump(changes)).toBe("major");
    expect(changes[0]?.pointer).toBe("/actions/create_note/input_schema/properties/tags");
  });

  it("calls a newly required input major and a new optional input minor", () => {
    const required = diffConfigs(
      before,
      withInput((s) => {
        s.required = ["title", "priority"];
      }),
    );
    expect(required.map((c) => [c.bump, c.message])).toEqual([
      ["major", 'input "priority" is now required'],
    ]);
    const optional = diffConfigs(
      before,
      withInput((s) => {
        props(s).body = { type: "string" };
      }),
    );
    expect(optional.map((c) => [c.bump, c.message])).toEqual([
      ["minor", 'optional input "body" added'],
    ]);
    const newRequired = diffConfigs(
      before,
      withInput((s) => {
        props(s).body = { type: "string" };
        s.required = ["title", "body"];
      }),
    );
    expect(requiredBump(newRequired)).toBe("major");
  });

  it("calls a narrowed type or enum major and a widened one minor", () => {
    const narrowedEnum = diffConfigs(
      before,
      withInput((s) => {
        (props(s).priority as Json).enum = ["low"];
      }),
    );
    expect(narrowedEnum.map((c) => [c.bump, c.message])).toEqual([
      ["major", 'enum values removed: "high"'],
    ]);
    const widenedEnum = diffConfigs(
      before,
      withInput((s) => {
        (props(s).priority as Json).enum = ["low", "high", "urgent"];
      }),
    );
    expect(requiredBump(widenedEnum)).toBe("minor");
    const narrowedType = diffConfigs(
      before,
      withInput((s) => {
        (props(s).title as Json).type = "integer";
      }),
    );
    expect(requiredBump(narrowedType)).toBe("major");
    const nullable = diffConfigs(
      before,
      withInput((s) => {
        (props(s).title as Json).type = ["string", "null"];
      }),
    );
    expect(nullable.map((c) => [c.bump, c.message])).toEqual([
      ["minor", "type widened: now accepts null"],
    ]);
    const items = diffConfigs(
      before,
      withInput((s) => {
        (props(s).tags as Json).items = { type: "string", enum: ["a"] };
      }),
    );
    expect(items[0]).toMatchObject({
      bump: "major",
      pointer: "/actions/create_note/input_schema/properties/tags/items/enum",
    });
  });

  it("treats integer → number as widening an input", () => {
    const a = config({ x: { ...createNote, input_schema: { type: "integer" } } });
    const b = config({ x: { ...createNote, input_schema: { type: "number" } } });
    expect(requiredBump(diffConfigs(a, b))).toBe("minor");
    expect(requiredBump(diffConfigs(b, a))).toBe("major");
  });

  it("calls descriptions, labels and display names patch", () => {
    const changes = diffConfigs(
      before,
      config(
        {
          create_note: {
            ...createNote,
            description: "Creates one note.",
            input_schema: {
              ...createNote.input_schema,
              properties: {
                ...createNote.input_schema.properties,
                title: { type: "string", description: "The title", label: "Title" },
              },
            },
          },
        },
        { description: "Notes, better described" },
      ),
    );
    expect(changes.every((c) => c.bump === "patch")).toBe(true);
    expect(changes.map((c) => c.pointer).sort()).toEqual([
      "/actions/create_note/description",
      "/actions/create_note/input_schema/properties/title/description",
      "/actions/create_note/input_schema/properties/title/label",
      "/description",
    ]);
  });

  it("reverses the direction for outputs: a removed output is major, a new one minor", () => {
    const removed = structuredClone(createNote) as Json;
    (removed.output_schema as Json).properties = {};
    (removed.output_schema as Json).required = [];
    expect(requiredBump(diffConfigs(before, config({ create_note: removed })))).toBe("major");
    const added = structuredClone(createNote) as Json;
    props(added.output_schema as Json).url = { type: "string" };
    expect(requiredBump(diffConfigs(before, config({ create_note: added })))).toBe("minor");
    const nullable = structuredClone(createNote) as Json;
    (props(nullable.output_schema as Json).id as Json).type = ["string", "null"];
    expect(requiredBump(diffConfigs(before, config({ create_note: nullable })))).toBe("major");
  });

  it("checks credentials like inputs and a changed auth type as major", () => {
    const auth = (fields: Json) => config({}, { auth: { type: "custom", fields } });
    const one = {
      type: "object",
      properties: { api_key: { type: "string" } },
      required: ["api_key"],
    };
    const two = {
      type: "object",
      properties: { api_key: { type: "string" }, region: { type: "string" } },
      required: ["api_key", "region"],
    };
    expect(requiredBump(diffConfigs(auth(one), auth(two)))).toBe("major");
    const platform = config({}, { auth: { type: "platform", provider: "x" } });
    expect(diffConfigs(auth(one), platform)[0]).toMatchObject({
      bump: "major",
      pointer: "/auth/type",
    });
  });

  it("treats a changed oneOf or pattern as breaking, since compatibility cannot be told", () => {
    const changes = diffConfigs(
      before,
      withInput((s) => {
        (props(s).title as Json).pattern = "^[a-z]+$";
      }),
    );
    expect(changes.map((c) => c.bump)).toEqual(["major"]);
  });

  it("compares polling triggers like actions", () => {
    const trigger = { ...createNote, description: "New notes", polling_interval: "5m" };
    const a = config({}, { polling_triggers: { new_notes: trigger } });
    const b = config({}, { polling_triggers: {} });
    expect(diffConfigs(a, b)[0]).toMatchObject({
      bump: "major",
      message: 'polling trigger "new_notes" removed',
    });
    const slower = config(
      {},
      { polling_triggers: { new_notes: { ...trigger, polling_interval: "1h" } } },
    );
    expect(requiredBump(diffConfigs(a, slower))).toBe("patch");
  });
});
