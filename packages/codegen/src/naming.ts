/** Words that cannot name a `const` or a function in a module. */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends " +
    "false finally for function if import in instanceof new null return super switch this throw " +
    "true try typeof var void while with implements interface let package private protected " +
    "public static yield await arguments eval undefined NaN Infinity globalThis escape unescape " +
    "isNaN isFinite parseInt parseFloat encodeURI decodeURI encodeURIComponent decodeURIComponent"
  ).split(" "),
);

/** Splits a wire name (`create_issue`, `get-page`, `listItems`) into its words. */
export function words(name: string): string[] {
  return name
    .normalize("NFC")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `create_issue` → `CreateIssue`; never empty, never starts with a digit. */
export function pascalCase(name: string): string {
  const joined = words(name).map(capitalise).join("");
  if (joined === "") return "Unnamed";
  return /^\p{N}/u.test(joined) ? `_${joined}` : joined;
}

/** `create_issue` → `createIssue`; never empty, never a reserved word. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  const camel = pascal.startsWith("_") ? pascal : pascal.charAt(0).toLowerCase() + pascal.slice(1);
  return RESERVED.has(camel) ? `${camel}_` : camel;
}

/** Whether `name` can be written as a bare identifier (a variable, a function) in TypeScript. */
export function isIdentifier(name: string): boolean {
  return isPropertyName(name) && !RESERVED.has(name);
}

/** Whether `name` can be written as a bare property key (reserved words can). */
export function isPropertyName(name: string): boolean {
  return /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u.test(name);
}

/**
 * Hands out unique names in one namespace: the first request for a name gets it, later ones get
 * `name2`, `name3`, … Callers request in a fixed (sorted) order, so the result is deterministic.
 */
export class NameAllocator {
  readonly #used = new Set<string>();

  constructor(taken: Iterable<string> = []) {
    for (const name of taken) this.#used.add(name.toLowerCase());
  }

  /** Returns `wanted`, or `wanted` with the smallest numeric suffix that is still free. */
  allocate(wanted: string): string {
    let candidate = wanted;
    // Compare case-insensitively so the names also work as file names on macOS and Windows.
    for (let n = 2; this.#used.has(candidate.toLowerCase()); n++) candidate = `${wanted}${n}`;
    this.#used.add(candidate.toLowerCase());
    return candidate;
  }
}

/** A file name stem (no extension) that is safe on every platform for a wire name. */
export function fileStem(name: string): string {
  if (/^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(name) && name.length <= 100) return name;
  const stem = words(name.normalize("NFD").replace(/[\u0300-\u036f]/g, ""))
    .join("_")
    .replace(/[^A-Za-z0-9_]/g, (ch) => `x${ch.codePointAt(0)?.toString(16)}`)
    .slice(0, 100);
  return stem === "" ? "unnamed" : stem;
}
