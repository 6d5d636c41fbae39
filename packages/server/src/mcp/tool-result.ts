import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/** An `IntegrationResult` envelope as the executor returns it. */
export interface Envelope {
  type: string;
  result: unknown;
}

/** Replaces every credential or secret value in a text with `[REDACTED]`. */
export type Redact = (text: string) => string;

const MAX_REASON = 500;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function failure(text: string, meta: Record<string, unknown>): CallToolResult {
  return { isError: true, content: [{ type: "text", text }], _meta: meta };
}

/** One line of at most 500 characters: agents read it, and a response body may run on. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
}

/**
 * The tool result of an envelope: an `action` becomes `structuredContent` (under `wrappedAs`
 * when the output schema was wrapped) plus its JSON as text; `action_error` and
 * `validation_error` become `isError` results carrying the message and the failing path.
 */
export function envelopeResult(envelope: Envelope, wrappedAs: string | undefined): CallToolResult {
  const payload = isObject(envelope.result) ? envelope.result : {};
  if (envelope.type === "action") {
    const data = payload.data;
    const structured = wrappedAs === undefined ? data : { [wrappedAs]: data };
    const meta: Record<string, unknown> = {};
    if (typeof payload.cost_usd === "number") meta["plugboard/cost_usd"] = payload.cost_usd;
    return {
      content: [{ type: "text", text: JSON.stringify(data) ?? "null" }],
      structuredContent: structured as Record<string, unknown>,
      ...(Object.keys(meta).length > 0 ? { _meta: meta } : {}),
    };
  }
  const message = typeof payload.message === "string" ? payload.message : envelope.type;
  if (envelope.type === "validation_error") {
    const property = typeof payload.property === "string" ? payload.property : null;
    const source = payload.source === "output" ? "output" : "input";
    // The SDK's message lists every violation with its path; name the first one when it does not.
    const where = property !== null && !message.includes(property) ? ` (at ${property})` : "";
    return failure(`${message}${where}`, {
      "plugboard/error": { type: envelope.type, source, property },
    });
  }
  return failure(message, { "plugboard/error": { type: envelope.type } });
}

/**
 * The tool result of an error a call threw: one line naming what failed, with every credential
 * value redacted. The executor reports a handler's `HTTPError`/`RateLimitError` as a
 * `ServerError` (`handler_failed` with the HTTP status and URL, `rate_limited` with the delay),
 * and its own failures (`timeout`, `missing_secret`…) the same way; `_meta` keeps the code.
 */
export function thrownResult(error: unknown, redact: Redact): CallToolResult {
  if (!(error instanceof Error)) {
    return failure(redact(oneLine(`handler failed: ${String(error)}`)), {
      "plugboard/error": { type: "handler_failed" },
    });
  }
  const fields = error as Error & { code?: unknown; status?: unknown; retryAfter?: unknown };
  const meta: Record<string, unknown> = {};
  if (error.name === "ServerError" && typeof fields.code === "string") {
    meta.type = fields.code;
  } else if (error.name === "HTTPError" || error.name === "RateLimitError") {
    meta.type = error.name === "RateLimitError" ? "rate_limited" : "handler_failed";
  } else {
    meta.type = "handler_failed";
  }
  if (typeof fields.retryAfter === "number") meta.retry_after = fields.retryAfter;
  // A ServerError's message is already a sentence for the caller; others get their name first.
  const text = error.name === "ServerError" ? error.message : `${error.name}: ${error.message}`;
  return failure(redact(oneLine(text)), { "plugboard/error": meta });
}
