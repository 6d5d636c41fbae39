import { describe, expect, it } from "vitest";
import { ServerError } from "../../src/errors.ts";
import { redactValues } from "../../src/mcp/redact-values.ts";
import { envelopeResult, thrownResult } from "../../src/mcp/tool-result.ts";

const version = "2.0.0";

describe("envelopeResult", () => {
  it("gives an action's data as structuredContent and as JSON text, cost in _meta", () => {
    const result = envelopeResult(
      { type: "action", result: { data: { id: "p1" }, cost_usd: 0.25 } },
      undefined,
    );
    expect(result).toEqual({
      content: [{ type: "text", text: '{"id":"p1"}' }],
      structuredContent: { id: "p1" },
      _meta: { "plugboard/cost_usd": 0.25 },
    });
  });

  it("wraps data under the wrapped property", () => {
    const result = envelopeResult(
      { type: "action", result: { data: [1, 2], cost_usd: null } },
      "result",
    );
    expect(result.structuredContent).toEqual({ result: [1, 2] });
    expect(result.content).toEqual([{ type: "text", text: "[1,2]" }]);
    expect(result._meta).toBeUndefined();
  });

  it("makes an action_error an error result with its message", () => {
    const envelope = { version, type: "action_error", result: { message: "no", cost_usd: null } };
    expect(envelopeResult(envelope, undefined)).toEqual({
      isError: true,
      content: [{ type: "text", text: "no" }],
      _meta: { "plugboard/error": { type: "action_error" } },
    });
  });

  it("names the failing path of a validation_error", () => {
    const result = envelopeResult(
      {
        type: "validation_error",
        result: {
          message: "Invalid inputs: must be integer",
          property: "$.limit",
          source: "input",
        },
      },
      undefined,
    );
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([
      { type: "text", text: "Invalid inputs: must be integer (at $.limit)" },
    ]);
    expect(result._meta).toEqual({
      "plugboard/error": { type: "validation_error", source: "input", property: "$.limit" },
    });
    expect(result.structuredContent).toBeUndefined();
  });
});

describe("thrownResult", () => {
  it("gives a rate limit one line with its delay", () => {
    const error = new ServerError(
      "rate_limited",
      "[GET] https://api.x.test/v1: 429 Too Many Requests; retry after 7 s",
      { retryAfter: 7 },
    );
    const result = thrownResult(error, (text) => text);
    expect(result.content).toEqual([
      { type: "text", text: "[GET] https://api.x.test/v1: 429 Too Many Requests; retry after 7 s" },
    ]);
    expect(result._meta).toEqual({ "plugboard/error": { type: "rate_limited", retry_after: 7 } });
  });

  it("keeps a multi-line reason on one line and never shows a credential", () => {
    const redact = redactValues({ api_key: "sk-live-0123456789" });
    const error = new Error("upstream said:\n  <html>bad key sk-live-0123456789</html>");
    const result = thrownResult(error, redact);
    const text = (result.content[0] as { text: string }).text;
    expect(text).toBe("Error: upstream said: <html>bad key [REDACTED]</html>");
    expect(JSON.stringify(result)).not.toContain("sk-live-0123456789");
  });

  it("redacts a longer credential before one it contains", () => {
    const redact = redactValues({ a: "secret", b: "secret-and-more" });
    expect(redact("x secret-and-more y secret")).toBe("x [REDACTED] y [REDACTED]");
  });
});
