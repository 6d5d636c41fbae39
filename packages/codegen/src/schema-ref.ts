import { pointerSegments } from "@plugboard/sdk/internal";

/** Whether `ref` is local to its schema (`#`, `#/definitions/x`, any `#/…` JSON pointer). */
export function isLocalRef(ref: string): boolean {
  return ref === "#" || ref.startsWith("#/");
}

/** The node a local `$ref` points at inside `root`, or `undefined` when it resolves to nothing. */
export function resolveLocalRef(root: unknown, ref: string): unknown {
  if (!isLocalRef(ref)) return undefined;
  let node: unknown = root;
  for (const key of pointerSegments(decodeURIComponent(ref.slice(1)))) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
