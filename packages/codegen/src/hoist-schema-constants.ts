import { skipString } from "./compact-errors.ts";

/** How Ajv writes a constant into generated code (JSON, with the line separators escaped). */
function ajvStringify(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const REFERENCE = /\b(schema\d+)((?:\.[A-Za-z_$][\w$]*|\[(?:"(?:[^"\\]|\\.)*"|\d+)\])+)/g;
const SEGMENT = /\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*"|\d+)\]/g;

/**
 * Ajv's standalone code keeps a whole copy of every root schema (`const schema11 = {…}`) only to
 * read a few values from it (`schema11.properties.status.enum` for an error's params). This
 * replaces each such read with a small shared constant holding just that value and drops the
 * copies, which are most of the size of a validators module. A copy that is still referenced
 * some other way is kept as it is.
 */
export function hoistSchemaConstants(code: string, roots: unknown[]): string {
  const byName = new Map<string, { value: unknown; declaration: string }>();
  for (const root of roots) {
    const tail = ` = ${ajvStringify(root)};`;
    const at = code.indexOf(tail);
    const head = at === -1 ? null : /const (schema\d+)$/.exec(code.slice(Math.max(0, at - 40), at));
    if (head?.[1]) byName.set(head[1], { value: root, declaration: `${head[0]}${tail}` });
  }
  const constants = new Map<string, string>();
  let rewritten = code;
  for (const { declaration } of byName.values()) rewritten = rewritten.replace(declaration, "");
  const inString = stringTest(rewritten);
  rewritten = rewritten.replace(REFERENCE, (whole, name: string, path: string, offset: number) => {
    const root = byName.get(name);
    if (!root || inString(offset)) return whole;
    const value = resolve(root.value, path);
    if (value === undefined) return whole;
    const literal = ajvStringify(value);
    let constant = constants.get(literal);
    if (constant === undefined) {
      constant = `k${constants.size}`;
      constants.set(literal, constant);
    }
    return constant;
  });
  for (const [name, { declaration }] of byName) {
    if (new RegExp(`\\b${name}\\b`).test(rewritten)) rewritten = `${declaration}${rewritten}`;
  }
  const hoisted = [...constants].map(([literal, constant]) => `const ${constant} = ${literal};`);
  return `${hoisted.join("\n")}\n${rewritten}`;
}

/** Whether an offset of `code` falls inside a string literal (the text of a name, not code). */
function stringTest(code: string): (offset: number) => boolean {
  const spans: number[] = [];
  for (let i = 0; i < code.length; i++) {
    const ch = code.charAt(i);
    if (ch !== '"' && ch !== "'" && ch !== "`") continue;
    const end = skipString(code, i);
    spans.push(i, end);
    i = end;
  }
  return (offset) => {
    let lo = 0;
    let hi = spans.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((spans[mid * 2 + 1] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < spans.length / 2 && (spans[lo * 2] ?? 0) < offset;
  };
}

function resolve(root: unknown, path: string): unknown {
  let value = root;
  for (const segment of path.matchAll(SEGMENT)) {
    const key = segment[1] ?? JSON.parse(segment[2] ?? "null");
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
