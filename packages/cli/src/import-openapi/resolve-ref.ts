import { refSegments, unescapePointer } from "@plugboard/sdk/internal";
import { isObject, type Json, type JsonObject } from "./description.ts";

/** Decodes one segment of a pointer in a URI fragment: percent-escapes, then RFC 6901's `~1`, `~0`. */
export function unescapeFragmentSegment(segment: string): string {
  return unescapePointer(decodeURIComponent(segment));
}

/** The value a local `#/…` pointer names in `document`, or `undefined`. */
export function resolvePointer(document: Json, ref: string): Json | undefined {
  const segments = refSegments(ref);
  if (!segments) return undefined;
  let node: Json | undefined = document;
  for (const key of segments) {
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
