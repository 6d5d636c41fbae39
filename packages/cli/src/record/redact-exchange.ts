/** What replaces a credential in a recorded fixture. */
export const REDACTED = "[REDACTED]";

// Header and query names that carry credentials whatever their value.
const SECRET_NAME = /auth|token|secret|password|passwd|api[-_]?key|^key$|signature|cookie|session/i;

/** Whether a header or query parameter of this name carries a credential. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Replaces every credential value in `text` (longest first, so overlapping values go whole). */
export function redactText(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

/** `bytes` with every credential value (as UTF-8) replaced by `[REDACTED]`. */
export function redactBytes(bytes: Buffer, secrets: string[]): Buffer {
  let out = bytes;
  for (const secret of secrets) {
    const needle = Buffer.from(secret, "utf8");
    if (out.indexOf(needle) < 0) continue;
    const parts: Buffer[] = [];
    let from = 0;
    for (let at = out.indexOf(needle); at >= 0; at = out.indexOf(needle, from)) {
      parts.push(out.subarray(from, at), Buffer.from(REDACTED));
      from = at + needle.length;
    }
    parts.push(out.subarray(from));
    out = Buffer.concat(parts);
  }
  return out;
}

/** A deep copy of `value` whose strings have every credential value redacted. */
export function redactDeep<T>(value: T, secrets: string[]): T {
  if (typeof value === "string") return redactText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        isSecretName(key) && typeof item === "string" ? REDACTED : redactDeep(item, secrets),
      ]),
    ) as T;
  }
  return value;
}

/** Headers with credential-carrying ones (Authorization, X-API-Key, Cookie…) redacted. */
export function redactHeaders(
  headers: Record<string, string>,
  secrets: string[],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      isSecretName(name) ? REDACTED : redactText(value, secrets),
    ]),
  );
}

/** A form-encoded body with credential fields (by name or value) redacted. */
export function redactForm(text: string, secrets: string[]): string {
  const form = new URLSearchParams(text);
  for (const [name, value] of [...form]) {
    if (isSecretName(name) || secrets.some((secret) => value.includes(secret))) {
      form.set(name, REDACTED);
    }
  }
  return redactText(form.toString(), secrets);
}

/**
 * A URL with credential query parameters (`key`, `token`, `api_key`…) and credential values
 * redacted. The origin is kept: replay is keyed by it, and a host built from a credential
 * field (Freshdesk's `acme` in `https://acme.freshdesk.com`) is an address, not a secret.
 */
export function redactUrl(url: string, secrets: string[]): string {
  const parsed = new URL(url);
  for (const [name, value] of [...parsed.searchParams]) {
    if (isSecretName(name) || secrets.some((secret) => value.includes(secret))) {
      parsed.searchParams.set(name, REDACTED);
    }
  }
  const rest = parsed.href.slice(parsed.origin.length);
  return parsed.origin + redactText(rest, secrets);
}

/** The credential values of an auth object (flat or wrapped): every string of 4+ characters. */
export function secretsOf(auth: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === "string" && value.length >= 4) {
      // As the value travels: raw, percent-encoded, form-encoded and JSON-escaped.
      found.add(value);
      found.add(encodeURIComponent(value));
      found.add(new URLSearchParams({ s: value }).toString().slice(2));
      found.add(JSON.stringify(value).slice(1, -1));
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(walk);
  };
  walk(auth);
  // auth_type names are not secrets, and redacting "Custom" everywhere would garble bodies.
  if (typeof auth === "object" && auth !== null) {
    const type = (auth as { auth_type?: unknown }).auth_type;
    if (typeof type === "string") found.delete(type);
  }
  return [...found].sort((a, b) => b.length - a.length);
}
