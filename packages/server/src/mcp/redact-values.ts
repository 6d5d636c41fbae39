import type { Redact } from "./tool-result.ts";

/** Values shorter than this are not redacted: `"1"` or `"eu"` would blank out every message. */
const MIN_SECRET_LENGTH = 4;

function collect(value: unknown, into: Set<string>): void {
  if (typeof value === "string") {
    if (value.length >= MIN_SECRET_LENGTH) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
  } else if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) collect(item, into);
  }
}

/** A function that replaces every string found in `sources` (credentials, secrets) by `[REDACTED]`. */
export function redactValues(...sources: unknown[]): Redact {
  const secrets = new Set<string>();
  for (const source of sources) collect(source, secrets);
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  return (text) => ordered.reduce((out, secret) => out.split(secret).join("[REDACTED]"), text);
}
