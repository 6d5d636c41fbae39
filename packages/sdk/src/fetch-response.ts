/** Whether a Content-Type names JSON (`application/json`, `application/problem+json`…). */
export function isJsonType(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/** A body as text, or why it could not be decoded. */
export type Decoded = { text: string } | { problem: string };

const utf8 = new TextDecoder();

/**
 * Decodes a body by the charset its Content-Type declares (UTF-8 when none). A declared charset
 * and JSON (UTF-8 by RFC 8259) are decoded strictly: an unknown charset or bytes invalid in it is
 * a problem, not a string of U+FFFD. Undeclared text keeps the fetch spec's lenient UTF-8.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): Decoded {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "")?.[1];
  if (!charset && !isJsonType(contentType)) return { text: utf8.decode(bytes) };
  const label = charset ?? "utf-8";
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return { problem: `unknown charset ${JSON.stringify(label)}` };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { problem: `bytes that are not valid ${decoder.encoding}` };
  }
}

/** A parsed body, or why JSON under a JSON content type did not parse. */
export type Parsed = { data: unknown } | { problem: string };

const EMPTY_IS_NULL = new Set([200, 201, 204]);

/** The body as the Python SDK returns it: parsed JSON, else text; `null` when empty on 200/201/204. */
export function parseBody(status: number, contentType: string | null, text: string): Parsed {
  if (text === "") return { data: EMPTY_IS_NULL.has(status) ? null : "" };
  if (!isJsonType(contentType)) return { data: text };
  try {
    return { data: JSON.parse(text) };
  } catch (error) {
    return { problem: `invalid JSON (${(error as Error).message})` };
  }
}

const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "\\d{2}:\\d{2}:\\d{2}";
// The three HTTP-date forms of RFC 9110 §5.6.7: IMF-fixdate, RFC 850 and asctime.
const IMF_FIXDATE = new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`);
const RFC_850 = new RegExp(`^${DAY}[a-z]*, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}$`);

/**
 * Seconds to wait from a `Retry-After` value: a non-negative integer of seconds or an HTTP date
 * (0 once past); 60 when absent or anything else (`"1.5"`, `"-5"`, `"soon"`).
 */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  const value = header?.trim() ?? "";
  if (/^\d+$/.test(value)) return Number(value);
  let date = Number.NaN;
  if (IMF_FIXDATE.test(value) || RFC_850.test(value)) date = Date.parse(value);
  // asctime carries no zone and means GMT; Date.parse would read it as local time.
  else if (ASCTIME.test(value)) date = Date.parse(`${value} GMT`);
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
