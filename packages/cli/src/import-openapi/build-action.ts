import { convertSchema, type Direction, schemaScope, withDefinitions } from "./convert-schema.ts";
import {
  isObject,
  type Json,
  type JsonObject,
  type OpenApiDocument,
  objectAt,
  stringAt,
} from "./description.ts";
import { formContent, jsonContent, unsupportedBodyReason } from "./media-type.ts";
import { deref } from "./resolve-ref.ts";
import type { SourceOperation } from "./select-operations.ts";
import { serverUrl } from "./server-url.ts";

/** An input that goes on the wire under another name than its `inputs` key. */
export interface WireField {
  /** The name in the request: the parameter or body property name. */
  wire: string;
  /** The key in the action's inputs. */
  key: string;
}

/** How a handler builds its request from its inputs. */
export interface RequestPlan {
  method: string;
  /** The path template, e.g. `/repos/{owner}/{repo}`. */
  path: string;
  serverUrl: string;
  pathParams: WireField[];
  query: WireField[];
  headers: WireField[];
  /** `merged`: the body's properties are inputs; `whole`: the body is the `body` input. */
  body?:
    | { encoding: "json" | "form"; fields: WireField[] }
    | { encoding: "json" | "form"; key: string };
}

/** One example of a response, as the description gives it. */
export interface ResponseExample {
  name: string;
  value: Json;
}

/** One operation turned into an action: its config entry and how to call the endpoint. */
export interface ImportedAction {
  name: string;
  operationId: string | undefined;
  config: JsonObject;
  request: RequestPlan;
  /** The 2xx status the output comes from, and the description's examples of that response. */
  response: { status: number; json: boolean; examples: ResponseExample[] };
}

function paramKey(doc: OpenApiDocument, raw: Json): JsonObject {
  return deref(doc, raw);
}

/** Path-item parameters overridden by operation parameters of the same name and location. */
function parameters(doc: OpenApiDocument, source: SourceOperation): JsonObject[] {
  const byKey = new Map<string, JsonObject>();
  for (const list of [source.pathItem.parameters, source.operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const param = paramKey(doc, raw);
      byKey.set(`${param.in}:${param.name}`, param);
    }
  }
  return [...byKey.values()];
}

function parameterSchema(param: JsonObject): Json {
  if (param.schema !== undefined) return param.schema;
  return jsonContent(param.content)?.media.schema ?? {};
}

function describe(schema: Json, description: string | undefined): Json {
  if (description === undefined || !isObject(schema) || typeof schema.description === "string") {
    return schema;
  }
  return { ...schema, description };
}

/** The schema of a body as an object with plain properties, or `undefined` if it is not one. */
function plainObject(doc: OpenApiDocument, schema: Json): JsonObject | undefined {
  const target = deref(doc, schema);
  const composite = ["allOf", "anyOf", "oneOf", "not", "if"].some((key) => key in target);
  if (composite || !isObject(target.properties)) return undefined;
  if (target.type !== undefined && target.type !== "object") return undefined;
  return target;
}

function responseExamples(doc: OpenApiDocument, media: JsonObject): ResponseExample[] {
  const examples: ResponseExample[] = [];
  if ("example" in media) examples.push({ name: "example", value: media.example ?? null });
  for (const [name, raw] of Object.entries(objectAt(media.examples))) {
    const example = deref(doc, raw);
    if ("value" in example) examples.push({ name, value: example.value ?? null });
  }
  return examples;
}

function output(doc: OpenApiDocument, source: SourceOperation, legacy: boolean) {
  const responses = objectAt(source.operation.responses);
  const codes = Object.keys(responses)
    .filter((code) => /^2(\d\d|XX)$/i.test(code))
    .sort();
  for (const code of codes) {
    const response = deref(doc, responses[code]);
    const json = jsonContent(response.content);
    if (json === undefined) continue;
    const scope = schemaScope(doc, "output", legacy);
    const schema = withDefinitions(convertSchema(json.media.schema ?? {}, scope), scope);
    const status = /^\d+$/.test(code) ? Number(code) : 200;
    return { schema, status, json: true, examples: responseExamples(doc, json.media) };
  }
  const first = codes[0];
  const status = first !== undefined && /^\d+$/.test(first) ? Number(first) : 200;
  return { schema: undefined, status, json: false, examples: [] };
}

function title(text: string): string {
  const words = text.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Turns one operation into an action, or says why it cannot be one (a file upload, a body
 * that is not JSON or form-encoded).
 */
export function buildAction(
  doc: OpenApiDocument,
  source: SourceOperation,
  name: string,
): { action: ImportedAction } | { skipped: string } {
  const legacy = doc.openapi.startsWith("3.0");
  const input = schemaScope(doc, "input" satisfies Direction, legacy);
  const properties: JsonObject = {};
  const required: string[] = [];
  const request: RequestPlan = {
    method: source.method.toUpperCase(),
    path: source.path,
    serverUrl: serverUrl(doc, source.operation, source.pathItem),
    pathParams: [],
    query: [],
    headers: [],
  };
  const used = new Set<string>();
  const claim = (wire: string, location: string) => {
    let key = wire;
    if (used.has(key)) key = `${location}_${wire}`;
    for (let n = 2; used.has(key); n++) key = `${location}_${wire}_${n}`;
    used.add(key);
    return key;
  };
  for (const param of parameters(doc, source)) {
    const wire = stringAt(param.name);
    const location = stringAt(param.in);
    if (wire === undefined || location === undefined) continue;
    if (location === "cookie") continue;
    // Content negotiation and auth are the handler's and the credentials' business.
    if (location === "header" && /^(accept|content-type|authorization)$/i.test(wire)) continue;
    const key = claim(wire, location);
    const schema = convertSchema(parameterSchema(param), input);
    properties[key] = describe(schema, stringAt(param.description));
    if (param.required === true || location === "path") required.push(key);
    const field = { wire, key };
    if (location === "path") request.pathParams.push(field);
    else if (location === "query") request.query.push(field);
    else request.headers.push(field);
  }

  const body = deref(doc, source.operation.requestBody);
  if (Object.keys(body).length > 0) {
    const media = jsonContent(body.content) ?? formContent(body.content);
    if (media === undefined) return { skipped: unsupportedBodyReason(body.content) };
    const encoding = media.type.includes("json") ? "json" : "form";
    const schema = media.media.schema ?? {};
    const object = plainObject(doc, schema);
    const bodyRequired = body.required === true;
    const clash =
      object !== undefined && Object.keys(objectAt(object.properties)).some((p) => used.has(p));
    if (object !== undefined && !clash) {
      const fields: WireField[] = [];
      const converted = objectAt(convertSchema(object, input));
      for (const [wire, value] of Object.entries(objectAt(converted.properties))) {
        properties[wire] = value;
        used.add(wire);
        fields.push({ wire, key: wire });
      }
      if (bodyRequired && Array.isArray(converted.required)) {
        for (const wire of converted.required) if (typeof wire === "string") required.push(wire);
      }
      request.body = { encoding, fields };
    } else {
      const key = claim("body", "request");
      properties[key] = describe(convertSchema(schema, input), stringAt(body.description));
      if (bodyRequired) required.push(key);
      request.body = { encoding, key };
    }
  }

  const inputSchema: JsonObject = { type: "object", properties };
  if (required.length > 0) inputSchema.required = [...new Set(required)];
  const result = output(doc, source, legacy);
  const summary = stringAt(source.operation.summary);
  const description = stringAt(source.operation.description) ?? summary;
  const config: JsonObject = {
    display_name: summary ?? title(source.operationId ?? name),
    description: description ?? `${request.method} ${source.path}`,
    input_schema: withDefinitions(inputSchema, input),
  };
  // Codegen wants an output schema: an empty one accepts the body of a non-JSON response.
  config.output_schema = result.schema ?? { description: "The response has no JSON body." };
  return {
    action: {
      name,
      operationId: source.operationId,
      config,
      request,
      response: { status: result.status, json: result.json, examples: result.examples },
    },
  };
}
