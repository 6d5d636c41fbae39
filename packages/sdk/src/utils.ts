/** Whether `value` is a plain JSON object (not `null`, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Escapes one JSON pointer segment (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Unescapes one JSON pointer segment (RFC 6901): `~1` → `/`, `~0` → `~`. */
export function unescapePointer(segment: string): string {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

/** The segments of a JSON pointer, unescaped (`/a~1b/0` → `["a/b", "0"]`). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map(unescapePointer);
}

/**
 * The segments of a `$ref` into the same document (`#/definitions/a%20b` → `["definitions",
 * "a b"]`): the URI fragment percent-decoded, then read as a JSON pointer; `undefined` for a
 * reference to another document. Throws `URIError` for a malformed percent-escape.
 */
export function refSegments(ref: string): string[] | undefined {
  if (!ref.startsWith("#")) return undefined;
  return pointerSegments(decodeURIComponent(ref.slice(1)));
}
