import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import type { FixtureBodyEncoding } from "@plugboard/testing";
import { redactBytes, redactDeep, redactForm, redactText } from "./redact-exchange.ts";

/** A body as a fixture stores it: parsed JSON, UTF-8 text, or base64 bytes, and which. */
export interface FixtureBody {
  body: unknown;
  bodyEncoding?: FixtureBodyEncoding;
}

/**
 * The bytes of a body as the server sent them, undone of its `Content-Encoding` (the fixture
 * keeps readable bodies; replay serves them unencoded). Unknown codings are kept as they are.
 */
export function decodeContent(bytes: Buffer, contentEncoding: string | undefined): Buffer {
  const codings = (contentEncoding ?? "")
    .toLowerCase()
    .split(",")
    .map((coding) => coding.trim())
    .filter((coding) => coding !== "" && coding !== "identity")
    .reverse();
  let out = bytes;
  for (const coding of codings) {
    if (coding === "gzip" || coding === "x-gzip") out = gunzipSync(out);
    else if (coding === "deflate") out = inflateSync(out);
    else if (coding === "br") out = brotliDecompressSync(out);
    else return bytes;
  }
  return out;
}

/** Whether `bytes` are UTF-8 that decodes and encodes back to the same bytes. */
function isUtf8(bytes: Buffer): boolean {
  return Buffer.from(bytes.toString("utf8"), "utf8").equals(bytes);
}

/**
 * Stores a body readably and losslessly, credentials redacted: JSON parsed when re-serialising
 * it gives the same bytes, other UTF-8 as text, anything else (images, PDFs, gzip…) as base64.
 * Redaction is the one change allowed: a credential in a body is never written down.
 */
export function fixtureBody(bytes: Buffer, contentType: string, secrets: string[]): FixtureBody {
  if (bytes.length === 0) return { body: null };
  if (!isUtf8(bytes)) {
    return { body: redactBytes(bytes, secrets).toString("base64"), bodyEncoding: "base64" };
  }
  const text = bytes.toString("utf8");
  if (/json/i.test(contentType)) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (JSON.stringify(parsed) === text) {
        return { body: redactDeep(parsed, secrets), bodyEncoding: "json" };
      }
    } catch {
      // Not JSON after all: kept as text.
    }
  }
  if (/x-www-form-urlencoded/i.test(contentType)) {
    // OAuth token requests and the like: `client_secret=…` is redacted by name, like a query.
    return { body: redactForm(text, secrets), bodyEncoding: "text" };
  }
  return { body: redactText(text, secrets), bodyEncoding: "text" };
}
