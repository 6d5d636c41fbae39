/** Whether a Content-Type names JSON (`application/json`, `application/problem+json`…). */
export function isJsonType(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

const EMPTY_IS_NULL = new Set([200, 201, 204]);

/** The body as the Python SDK returns it: parsed JSON, else text; `null` when empty on 200/201/204. */
export function parseBody(status: number, contentType: string | null, text: string): unknown {
  if (text === "") return EMPTY_IS_NULL.has(status) ? null : "";
  if (!isJsonType(contentType)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Seconds to wait from a `Retry-After` value (seconds or an HTTP date); 60 when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (header === null || header.trim() === "") return 60;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return 60;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** Response headers as a plain object with lower-case names. */
export function headersObject(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}
