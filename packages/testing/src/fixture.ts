import { readFile } from "node:fs/promises";

/**
 * How a fixture body is stored: `json` a parsed value (the bytes were its compact
 * `JSON.stringify`), `text` the UTF-8 text itself, `base64` the bytes (images, PDFs…).
 * Absent in hand-written fixtures: a JSON content type means a parsed value, else text.
 */
export type FixtureBodyEncoding = "json" | "text" | "base64";

/** One recorded HTTP request, credentials redacted. */
export interface FixtureRequest {
  method: string;
  /** The absolute URL the handler asked for, credential query parameters redacted. */
  url: string;
  headers: Record<string, string>;
  /** JSON bodies parsed, other bodies as text (base64 for binary); `null` when there was none. */
  body: unknown;
  bodyEncoding?: FixtureBodyEncoding;
}

/** One recorded HTTP response. */
export interface FixtureResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON bodies parsed, other bodies as text (base64 only for binary); see `bodyEncoding`. */
  body: unknown;
  bodyEncoding?: FixtureBodyEncoding;
}

/** A request and the response the real API gave it. */
export interface FixtureExchange {
  request: FixtureRequest;
  response: FixtureResponse;
}

/** A recorded fixture as `plugboard run … --record <file>` writes it. */
export interface Fixture {
  /** What was run, e.g. `plugboard run notes.create_note`. */
  recorded: string;
  exchanges: FixtureExchange[];
}

/** Reads a recorded fixture file, failing with the file name when it is not one. */
export async function loadFixture(file: string | URL): Promise<Fixture> {
  const text = await readFile(file, "utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${String(file)}: not a JSON fixture (${(error as Error).message})`);
  }
  const exchanges = (parsed as { exchanges?: unknown }).exchanges;
  if (!Array.isArray(exchanges)) {
    throw new Error(
      `${String(file)}: expected {"exchanges": […]}; record one with plugboard run … --record`,
    );
  }
  exchanges.forEach((exchange: unknown, index: number) => {
    for (const side of ["request", "response"] as const) {
      const part = (exchange as Record<string, { body?: unknown; bodyEncoding?: unknown }>)[side];
      const encoding = part?.bodyEncoding;
      if (encoding === undefined || encoding === "json") continue;
      if (
        !(encoding === "text" || encoding === "base64") ||
        (typeof part?.body !== "string" && part?.body !== null)
      ) {
        throw new Error(
          `${String(file)}: exchanges[${index}].${side}.bodyEncoding ${JSON.stringify(encoding)} needs a string body and one of "json", "text", "base64"`,
        );
      }
    }
  });
  return parsed as Fixture;
}
