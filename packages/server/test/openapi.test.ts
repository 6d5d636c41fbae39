import { type IntegrationConfig, parseConfig } from "@plugboard/sdk";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { buildOpenApi } from "../src/index.ts";

// Config schemas may carry local `definitions` (draft-07); inside /openapi.json a
// `#/definitions/…` reference would resolve against the OpenAPI document and dangle.
const address = {
  type: "object",
  properties: { city: { type: "string" }, next: { $ref: "#/definitions/address" } },
};
const config = {
  name: "shapes",
  version: "1.0.0",
  description: "Schemas with definitions",
  entry_point: "src/index.ts",
  actions: {
    create_contact: {
      description: "Uses definitions, one referring to another and to itself",
      input_schema: {
        type: "object",
        definitions: {
          address,
          "home address": { $ref: "#/definitions/address" },
        },
        properties: {
          home: { $ref: "#/definitions/home%20address" },
          work: { $ref: "#/definitions/address/properties/city" },
        },
      },
      output_schema: {
        type: "object",
        definitions: { id: { type: "string" } },
        properties: { id: { $ref: "#/definitions/id" } },
      },
    },
    nest: {
      description: "Refers to its own root",
      input_schema: {
        type: "object",
        properties: { child: { $ref: "#" }, name: { type: "string" } },
      },
      output_schema: { type: "object" },
    },
  },
  polling_triggers: {
    new_contacts: {
      description: "Contacts",
      polling_interval: "5m",
      input_schema: { type: "object" },
      output_schema: {
        type: "object",
        definitions: { id: { type: "string" } },
        properties: { id: { $ref: "#/definitions/id" } },
      },
    },
  },
};

// biome-ignore lint/suspicious/noExplicitAny: parts of the document, whose shape the assertions check.
type Json = Record<string, any>;

function served() {
  const parsed = parseConfig(JSON.stringify(config), "shapes/config.json") as IntegrationConfig;
  return [{ name: "shapes", dir: "/nowhere/shapes", config: parsed }];
}

function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refs(item, found);
  else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === "$ref" && typeof item === "string") found.push(item);
      else refs(item, found);
    }
  }
  return found;
}

describe("GET /openapi.json", () => {
  it("is a valid OpenAPI 3.1 document whose every reference resolves", async () => {
    const document = buildOpenApi(served());
    // The parser dereferences what it is given: a dangling $ref makes it invalid.
    const result = await validate(structuredClone(document) as never, {
      validate: { errors: { colorize: false } },
    });
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(refs(document).filter((ref) => !ref.startsWith("#/components/schemas/"))).toEqual([]);
  });

  it("moves each schema's definitions into components/schemas under unique names", () => {
    const document = buildOpenApi(served()) as Json;
    const { schemas } = document.components;
    expect(schemas["shapes.create_contact.input.address"].properties.next).toEqual({
      $ref: "#/components/schemas/shapes.create_contact.input.address",
    });
    expect(schemas["shapes.create_contact.input.home_address"]).toEqual({
      $ref: "#/components/schemas/shapes.create_contact.input.address",
    });
    // Output and trigger definitions of the same name stay apart.
    expect(schemas["shapes.create_contact.output.id"]).toEqual({ type: "string" });
    expect(schemas["shapes.new_contacts.output.id"]).toEqual({ type: "string" });
    const post = document.paths["/integrations/shapes/actions/create_contact"].post;
    const inputs = post.requestBody.content["application/json"].schema.properties.inputs;
    expect(inputs.definitions).toBeUndefined();
    expect(inputs.properties.work).toEqual({
      $ref: "#/components/schemas/shapes.create_contact.input.address/properties/city",
    });
    // A reference to the schema's own root keeps the schema whole, as a component.
    const nest = document.paths["/integrations/shapes/actions/nest"].post;
    expect(nest.requestBody.content["application/json"].schema.properties.inputs).toEqual({
      $ref: "#/components/schemas/shapes.nest.input",
    });
    expect(schemas["shapes.nest.input"].properties.child).toEqual({
      $ref: "#/components/schemas/shapes.nest.input",
    });
  });
});
