const OPEN = new Set(["{", "[", "("]);
const CLOSE = new Set(["}", "]", ")"]);

/**
 * Re-indents generated TypeScript by bracket depth (two spaces a level), aware of strings and
 * comments. json-schema-to-typescript's output is correct but flat; this gives it a stable,
 * readable layout in linear time, instead of a Prettier pass that would take most of the run.
 */
export function reindent(code: string): string {
  let depth = 0;
  let quote: string | null = null;
  let blockComment = false;
  const lines: string[] = [];
  for (const raw of code.split("\n")) {
    const line = raw.trim();
    if (line === "") {
      lines.push("");
      continue;
    }
    let level = depth;
    if (!quote && !blockComment && CLOSE.has(line.charAt(0))) level--;
    const pad = "  ".repeat(Math.max(level, 0));
    // Continuation lines of a JSDoc block line up under its first `*`.
    lines.push(blockComment && line.startsWith("*") ? `${pad} ${line}` : `${pad}${line}`);
    for (let i = 0; i < line.length; i++) {
      const ch = line.charAt(i);
      if (blockComment) {
        if (ch === "*" && line.charAt(i + 1) === "/") {
          blockComment = false;
          i++;
        }
      } else if (quote) {
        if (ch === "\\") i++;
        else if (ch === quote) quote = null;
      } else if (ch === "/" && line.charAt(i + 1) === "*") {
        blockComment = true;
        i++;
      } else if (ch === "/" && line.charAt(i + 1) === "/") {
        break;
      } else if (ch === '"' || ch === "'" || ch === "`") {
        quote = ch;
      } else if (OPEN.has(ch)) {
        depth++;
      } else if (CLOSE.has(ch)) {
        depth--;
      }
    }
    // A string never spans lines in generated code; recover rather than drift if one did.
    quote = null;
  }
  return lines.join("\n");
}

/**
 * Escapes the line and paragraph separators (U+2028, U+2029): legal in TypeScript strings, but
 * they end `//` comments and confuse editors. In strings the escape means the same character.
 */
export function escapeSeparators(code: string): string {
  return code.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
