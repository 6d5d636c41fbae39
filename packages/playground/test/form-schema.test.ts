import { describe, expect, it } from "vitest";
import { fieldErrors, jsonPathToPointer } from "../src/field-errors.ts";
import { credentialsSchema, toFormSchema } from "../src/form-schema.ts";

describe("toFormSchema", () => {
  it("turns label into title and help_text into help, deep inside objects and arrays", () => {
    const form = toFormSchema({
      type: "object",
      properties: {
        owner: {
          type: "object",
          properties: { email: { type: "string", label: "Email", help_text: "Who owns it." } },
        },
        tags: { type: "array", items: { type: "string", label: "Tag", description: "A tag" } },
      },
    });
    const owner = (form.properties as Record<string, Record<string, unknown>>).owner;
    expect(owner?.properties).toEqual({
      email: {
        type: "string",
        label: "Email",
        title: "Email",
        help_text: "Who owns it.",
        description: "Who owns it.",
      },
    });
    const tags = (form.properties as Record<string, Record<string, unknown>>).tags;
    expect(tags?.items).toMatchObject({ title: "Tag", description: "A tag" });
  });

  it("keeps an explicit title, joins description and help_text, maps nullable and booleans", () => {
    expect(
      toFormSchema({
        type: "string",
        title: "T",
        label: "L",
        description: "D",
        help_text: "H",
        nullable: true,
      }),
    ).toMatchObject({ title: "T", description: "D — H", type: ["string", "null"] });
    expect(toFormSchema({ type: "boolean" })).toMatchObject({ format: "checkbox" });
    expect(toFormSchema({ type: "string", format: "text" })).toMatchObject({ format: "textarea" });
  });

  it("lets people edit free-form objects as JSON", () => {
    expect(toFormSchema({ type: "object" }).options).toEqual({
      disable_edit_json: false,
      disable_properties: false,
    });
    expect(toFormSchema({ type: "object", properties: {} }).options).toBeUndefined();
  });

  it("does not modify the config's schema", () => {
    const schema = { type: "string", label: "L" };
    toFormSchema(schema);
    expect(schema).toEqual({ type: "string", label: "L" });
  });
});

describe("credentialsSchema", () => {
  it("asks for an access token for platform auth, masked", () => {
    expect(credentialsSchema({ type: "platform", provider: "notion" })).toMatchObject({
      required: ["access_token"],
      properties: { access_token: { format: "password" } },
    });
  });

  it("uses auth.fields for custom auth and nothing without auth", () => {
    const form = credentialsSchema({
      type: "custom",
      title: "API key",
      fields: {
        type: "object",
        properties: { api_key: { type: "string", format: "password", label: "Key" } },
      },
    });
    expect(form).toMatchObject({
      title: "API key",
      properties: { api_key: { title: "Key", format: "password" } },
    });
    expect(credentialsSchema(undefined)).toBeNull();
  });
});

describe("fieldErrors", () => {
  it("reads JSON paths, instance paths and missing required properties", () => {
    expect(jsonPathToPointer("$.labels[0].name")).toBe("/labels/0/name");
    expect(jsonPathToPointer("$['a/b'].c")).toBe("/a~1b/c");
    expect(fieldErrors({ message: "bad", property: "$.priority" })).toEqual([
      { pointer: "/priority", message: "bad" },
    ]);
    expect(
      fieldErrors({
        message: "invalid",
        errors: [
          {
            instancePath: "",
            message: "must have required property 'title'",
            params: { missingProperty: "title" },
          },
          { instancePath: "/count", message: "must be integer" },
        ],
      }),
    ).toEqual([
      { pointer: "/title", message: "must have required property 'title'" },
      { pointer: "/count", message: "must be integer" },
    ]);
    expect(
      fieldErrors({
        message:
          'Invalid inputs: $.title: is required; $.tags[1]: must be string; $["odd key"]: must be integer',
        property: "$.title",
      }),
    ).toEqual([
      { pointer: "/title", message: "is required" },
      { pointer: "/tags/1", message: "must be string" },
      { pointer: "/odd key", message: "must be integer" },
    ]);
    expect(fieldErrors({ message: "'title' is a required property", property: "$" })).toEqual([
      { pointer: "/title", message: "'title' is a required property" },
    ]);
  });
});
