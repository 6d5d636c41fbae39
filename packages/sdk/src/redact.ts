/** What replaces a secret wherever the SDK reports something. */
export const REDACTED = "[REDACTED]";

// Shorter values (a region "us", a flag "1") are not treated as secrets: replacing them
// would garble every message while protecting nothing.
const MIN_SECRET_LENGTH = 4;

// Request headers whose values are credentials even when no configured credential is in them
// (a session token a handler obtained, a signature it computed).
const CREDENTIAL_HEADER = /auth|token|key|secret|session|cookie|signature|password|credential/i;

function addSecret(value: string, into: Set<string>): void {
  if (value.length < MIN_SECRET_LENGTH) return;
  into.add(value);
  into.add(encodeURIComponent(value));
  into.add(new URLSearchParams({ s: value }).toString().slice(2));
  into.add(JSON.stringify(value).slice(1, -1));
}

/** Collects the string and numeric leaves of a credentials object. */
function collect(value: unknown, strings: Set<string>, numbers: Set<number>): void {
  if (typeof value === "string") addSecret(value, strings);
  else if (typeof value === "number") {
    if (Number.isFinite(value) && String(value).length >= MIN_SECRET_LENGTH) {
      numbers.add(value);
      addSecret(String(value), strings);
    }
  } else if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) collect(item, strings, numbers);
  }
}

/**
 * The secrets inside an `Authorization`-like value: the value, the credential after its scheme
 * and, for `Basic`, the decoded `user:password` pair and each half.
 */
function authorizationSecrets(value: string): string[] {
  const out = [value];
  const match = /^\s*([A-Za-z][\w.+-]*)\s+(.+?)\s*$/.exec(value);
  if (!match?.[1] || !match[2]) return out;
  const credential = match[2];
  out.push(credential);
  if (match[1].toLowerCase() === "basic") {
    const decoded = Buffer.from(credential, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon >= 0) out.push(decoded, decoded.slice(0, colon), decoded.slice(colon + 1));
  }
  return out;
}

/** The secrets a request's headers carry: credential-named headers and their inner tokens. */
export function headerSecrets(headers: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (CREDENTIAL_HEADER.test(name)) out.push(...authorizationSecrets(value));
  }
  return out;
}

function define(target: object, key: string, value: unknown, enumerable = true): void {
  Object.defineProperty(target, key, { value, enumerable, writable: true, configurable: true });
}

interface Task {
  source: unknown;
  assign: (copy: unknown) => void;
}

/** Removes known secret values from text and from the strings inside any JSON-like value. */
export class Redactor {
  readonly #secrets: string[];
  readonly #numbers: Set<number>;

  constructor(...sources: unknown[]) {
    const strings = new Set<string>();
    const numbers = new Set<number>();
    for (const source of sources) collect(source, strings, numbers);
    // Longest first, so a secret containing another is replaced whole.
    this.#secrets = [...strings].sort((a, b) => b.length - a.length);
    this.#numbers = numbers;
  }

  /** A redactor that also hides `extra` secrets (e.g. a request's own Authorization value). */
  with(...extra: unknown[]): Redactor {
    return new Redactor(this.#secrets, [...this.#numbers], ...extra);
  }

  /** `text` with every secret replaced by `[REDACTED]`. */
  text(text: string): string {
    let out = text;
    for (const secret of this.#secrets) {
      if (out.includes(secret)) out = out.replaceAll(secret, REDACTED);
    }
    return out;
  }

  /**
   * A copy of `value` whose strings (keys included) and numeric credentials are replaced.
   * Walked with an explicit stack, so any depth is redacted whole; cycles are kept as cycles.
   */
  deep<T>(value: T): T {
    if (this.#secrets.length === 0) return value;
    let result: unknown;
    const stack: Task[] = [{ source: value, assign: (copy) => (result = copy) }];
    const copies = new Map<object, unknown>();
    for (let task = stack.pop(); task; task = stack.pop()) {
      const { source, assign } = task;
      if (typeof source === "string") assign(this.text(source));
      else if (typeof source === "number") assign(this.#numbers.has(source) ? REDACTED : source);
      else if (typeof source !== "object" || source === null) assign(source);
      else if (copies.has(source)) assign(copies.get(source));
      else if (source instanceof Error) {
        // Same class, message, stack, cause and fields, redacted: a logged error stays an error.
        const out = Object.create(Object.getPrototypeOf(source)) as Error;
        copies.set(source, out);
        assign(out);
        for (const key of Object.getOwnPropertyNames(source)) {
          const { enumerable } = Object.getOwnPropertyDescriptor(source, key) ?? {};
          const item = (source as unknown as Record<string, unknown>)[key];
          stack.push({ source: item, assign: (copy) => define(out, key, copy, enumerable) });
        }
      } else if (Array.isArray(source)) {
        const out: unknown[] = new Array(source.length);
        copies.set(source, out);
        assign(out);
        source.forEach((item, i) => {
          stack.push({ source: item, assign: (copy) => (out[i] = copy) });
        });
      } else {
        const out: Record<string, unknown> = {};
        copies.set(source, out);
        assign(out);
        for (const [key, item] of Object.entries(source)) {
          const name = this.text(key);
          // Defined now, in order (the stack fills them in reverse), and by defineProperty: an
          // own "__proto__" key stays a key, never a prototype.
          define(out, name, undefined);
          stack.push({ source: item, assign: (copy) => define(out, name, copy) });
        }
      }
    }
    return result as T;
  }
}
