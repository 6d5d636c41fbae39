import { isObject, type Json, type JsonObject } from "./description.ts";

/** Decodes one JSON-pointer segment (RFC 6901: `~1` is `/`, `~0` is `~`). */
export function unescapePointer(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Encodes one JSON-pointer segment. */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The value a local `#/…` pointer names in `document`, or `undefined`. */
export function resolvePointer(document: Json, ref: string): Json | undefined {
  if (!ref.startsWith("#")) return undefined;
  let node: Json | undefined = document;
  for (const segment of ref.slice(1).split("/").slice(1)) {
    const key = unescapePointer(segment);
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
  }
  return node;
}

/**
 * Follows `$ref` chains (parameters, request bodies, responses, examples) to the object they
 * name; a cycle or a dangling pointer yields an empty object.
 */
export function deref(document: Json, value: Json | undefined): JsonObject {
  let node = value;
  const seen = new Set<string>();
  while (isObject(node) && typeof node.$ref === "string") {
    if (seen.has(node.$ref)) return {};
    seen.add(node.$ref);
    node = resolvePointer(document, node.$ref);
  }
  return isObject(node) ? node : {};
}
