import type JsonSourceMap from "json-source-map";

// Loaded on the error path only, so that reading a sound config costs no extra module. The
// builtin is fetched at call time too: a static `import "node:module"` costs every process that
// loads the SDK the ESM wrapper of `module` (and the source-map support it pulls in).
const jsonMap = (): typeof JsonSourceMap =>
  process.getBuiltinModule("node:module").createRequire(import.meta.url)(
    "json-source-map",
  ) as typeof JsonSourceMap;

/** A 1-based position in a text. */
export interface TextPosition {
  line: number;
  column: number;
}

/** The 1-based line and column of a character offset in `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Where JSON.parse failed, and what it found there, for a message such as `unexpected "}"`. */
export function locateSyntaxError(text: string, error: unknown): TextPosition & { found: string } {
  // V8 names the offset in most messages ("… in JSON at position 13") but not all,
  // so the offset comes from json-source-map's parser when it rejects the text too.
  let offset: number | undefined;
  try {
    jsonMap().parse(text);
  } catch (mapError) {
    offset = offsetIn(mapError);
  }
  offset ??= offsetIn(error) ?? text.length;
  offset = Math.min(offset, text.length);
  const found = offset >= text.length ? "end of file" : JSON.stringify(text.charAt(offset));
  return { ...positionAt(text, offset), found };
}

function offsetIn(error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : "";
  if (/end of JSON input/i.test(message)) return Number.POSITIVE_INFINITY;
  const match = /position (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** The 1-based position of the value a JSON pointer names, or `undefined` when absent. */
export function locatePointer(text: string, pointer: string): TextPosition | undefined {
  let pointers: ReturnType<typeof JsonSourceMap.parse>["pointers"];
  try {
    ({ pointers } = jsonMap().parse(text));
  } catch (error) {
    // json-source-map's parser recurses: a document nested thousands deep overflows it.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  const spot = pointers[pointer];
  if (!spot) return undefined;
  return { line: spot.value.line + 1, column: spot.value.column + 1 };
}
