/** What replaces a secret wherever the SDK reports something. */
export const REDACTED = "[REDACTED]";

// Shorter values (a region "us", a flag "1") are not treated as secrets: replacing them
// would garble every message while protecting nothing.
const MIN_SECRET_LENGTH = 4;

/** Collects the string leaves of a credentials object. */
function secretStrings(value: unknown, into: Set<string>): void {
  if (typeof value === "string") {
    if (value.length >= MIN_SECRET_LENGTH) {
      into.add(value);
      into.add(encodeURIComponent(value));
      into.add(new URLSearchParams({ s: value }).toString().slice(2));
      into.add(JSON.stringify(value).slice(1, -1));
    }
  } else if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) secretStrings(item, into);
  }
}

/** Removes known secret values from text and from the strings inside any JSON-like value. */
export class Redactor {
  readonly #secrets: string[];

  constructor(...sources: unknown[]) {
    const set = new Set<string>();
    for (const source of sources) secretStrings(source, set);
    // Longest first, so a secret containing another is replaced whole.
    this.#secrets = [...set].sort((a, b) => b.length - a.length);
  }

  /** A redactor that also hides `extra` secrets (e.g. a request's own Authorization value). */
  with(...extra: unknown[]): Redactor {
    return new Redactor(this.#secrets, ...extra);
  }

  /** `text` with every secret replaced by `[REDACTED]`. */
  text(text: string): string {
    let out = text;
    for (const secret of this.#secrets) {
      if (out.includes(secret)) out = out.replaceAll(secret, REDACTED);
    }
    return out;
  }

  /** A copy of `value` whose strings (keys included) have every secret replaced. */
  deep<T>(value: T): T {
    if (this.#secrets.length === 0) return value;
    return this.#walk(value, 0) as T;
  }

  #walk(value: unknown, depth: number): unknown {
    if (typeof value === "string") return this.text(value);
    if (typeof value !== "object" || value === null || depth > 32) return value;
    if (value instanceof Error) return value;
    if (Array.isArray(value)) return value.map((item) => this.#walk(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      out[this.text(key)] = this.#walk(item, depth + 1);
    return out;
  }
}
