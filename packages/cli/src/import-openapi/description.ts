import { isObject as isPlainObject } from "@plugboard/sdk/internal";

/** A JSON value as it appears in an OpenAPI description. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object of an OpenAPI description (schema, operation, parameter…). */
export type JsonObject = { [key: string]: Json };

/** The parts of an OpenAPI 3.0/3.1 document the importer reads; the rest is kept as JSON. */
export interface OpenApiDocument extends JsonObject {
  openapi: string;
}

/** Whether `value` is a JSON object (not an array, not null): the SDK's check, typed as JSON. */
export function isObject(value: unknown): value is JsonObject {
  return isPlainObject(value);
}

/** `value` when it is a JSON object, else an empty object. */
export function objectAt(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

/** `value` when it is a string, else `undefined`. */
export function stringAt(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
