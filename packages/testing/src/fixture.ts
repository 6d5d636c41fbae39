import { readFile } from "node:fs/promises";

/** One recorded HTTP request, credentials redacted. */
export interface FixtureRequest {
  method: string;
  /** The absolute URL the handler asked for, credential query parameters redacted. */
  url: string;
  headers: Record<string, string>;
  /** JSON bodies parsed, other bodies as text; `null` when there was none. */
  body: unknown;
}

/** One recorded HTTP response. */
export interface FixtureResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON bodies parsed, other bodies as text (base64 only for binary, with `bodyEncoding`). */
  body: unknown;
  bodyEncoding?: "base64";
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
  return parsed as Fixture;
}
