import { type JsonObject, objectAt } from "./description.ts";

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json(?:\s*;.*)?$/i;
const FILE_TYPES = /^(?:multipart\/|application\/octet-stream|image\/|audio\/|video\/)/i;

/** The first JSON media type of a `content` map (`application/json`, `…+json`), if any. */
export function jsonContent(content: unknown): { type: string; media: JsonObject } | undefined {
  for (const [type, media] of Object.entries(objectAt(content))) {
    if (JSON_TYPE.test(type)) return { type, media: objectAt(media) };
  }
  return undefined;
}

/** The first `application/x-www-form-urlencoded` media type of a `content` map, if any. */
export function formContent(content: unknown): { type: string; media: JsonObject } | undefined {
  for (const [type, media] of Object.entries(objectAt(content))) {
    if (/^application\/x-www-form-urlencoded/i.test(type)) return { type, media: objectAt(media) };
  }
  return undefined;
}

/** Why a body with none of the supported media types cannot be imported. */
export function unsupportedBodyReason(content: unknown): string {
  const types = Object.keys(objectAt(content));
  const file = types.find((type) => FILE_TYPES.test(type));
  if (file) return `file upload (${file} request body)`;
  return `non-JSON request body (${types.join(", ") || "no media type"})`;
}
