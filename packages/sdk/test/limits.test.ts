import { gzipSync } from "node:zlib";
import { type RecordingServer, type Routes, startRecordingServer } from "@plugboard/testing";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  ExecutionContext,
  type ExecutionContextOptions,
  HTTPError,
  RateLimitError,
  ResponseError,
} from "../src/index.ts";

let server: RecordingServer;
const contexts: ExecutionContext[] = [];

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await server?.close();
});

/** Starts this test's server. */
async function serve(routes: Routes): Promise<void> {
  server = await startRecordingServer(routes);
}

function context(options: ExecutionContextOptions = {}): ExecutionContext {
  const created = new ExecutionContext({
    ...options,
    requestConfig: { retryDelay: () => 5, timeout: 60, ...options.requestConfig },
  });
  contexts.push(created);
  return created;
}

const gzipped = { "content-type": "text/plain", "content-encoding": "gzip" };

/** `size` bytes of JSON-ish text, gzipped: a few KB on the wire. */
function gzipBomb(size: number): Buffer {
  return gzipSync(Buffer.alloc(size, "a"), { level: 9 });
}

describe("response size cap", () => {
  it("refuses a gzip bomb past the default cap, counting decompressed bytes", async () => {
    const bomb = gzipBomb(DEFAULT_MAX_RESPONSE_BYTES + 10 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200_000);
    await serve({ "GET /bomb": { headers: gzipped, raw: bomb } });
    // Inflating 60 MiB takes a loaded 2-core machine well over the file's 10 s test deadline:
    // a generous one here, so the cap (not the clock) is what stops the body.
    const error = await context({ requestConfig: { timeout: 120 } })
      .fetch(`${server.origin}/bomb`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ code: "response_too_large", status: 200 });
    expect((error as Error).message).toContain(`exceeds ${DEFAULT_MAX_RESPONSE_BYTES} bytes`);
  }, 180_000);

  it("takes a smaller cap from the context and a larger one per call", async () => {
    const bomb = gzipBomb(2 * 1024 * 1024);
    await serve({ "GET /bomb": { headers: gzipped, raw: bomb } });
    const ctx = context({ requestConfig: { maxResponseBytes: 1024 * 1024 } });
    const error = await ctx.fetch(`${server.origin}/bomb`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "response_too_large" });
    const response = await ctx.fetch(`${server.origin}/bomb`, {
      maxResponseBytes: 4 * 1024 * 1024,
    });
    expect(response.data).toHaveLength(2 * 1024 * 1024);
  });

  it("refuses a plain body over the cap, declared or not", async () => {
    const text = { "content-type": "text/plain" };
    const body = "x".repeat(3000);
    await serve({
      "GET /declared": { headers: { ...text, "content-length": String(3000) }, raw: body },
      // The head is written before the body: Node sends it chunked, with no length.
      "GET /chunked": { headers: text, raw: body },
      "GET /ok": { headers: text, raw: body },
    });
    const ctx = context({ requestConfig: { maxResponseBytes: 2000 } });
    for (const path of ["/declared", "/chunked"]) {
      const error = await ctx.fetch(`${server.origin}${path}`).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "response_too_large" });
    }
    expect((await ctx.fetch(`${server.origin}/ok`, { maxResponseBytes: 3000 })).data).toHaveLength(
      3000,
    );
  });
});

describe("total deadline of an attempt", () => {
  it("fails a body dripping one byte at a time once the deadline passes", async () => {
    let finished = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    await serve({
      "GET /drip": {
        handle: (res) => {
          res.writeHead(200, { "content-type": "text/plain" });
          let sent = 0;
          // 40 bytes, one every 0.2 s: 8 s in all, each well within a 0.4 s inactivity timeout.
          timer = setInterval(() => {
            sent += 1;
            if (sent < 40) res.write("x");
            else {
              clearInterval(timer);
              finished = true;
              res.end("x");
            }
          }, 200);
          res.on("close", () => clearInterval(timer));
        },
      },
    });
    const error = await context({ requestConfig: { timeout: 0.4, maxRetries: 0 } })
      .fetch(`${server.origin}/drip`)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "NetworkError", code: "timeout" });
    expect((error as Error).message).toContain("timed out after 0.4 s");
    expect(finished).toBe(false);
  }, 20_000);
});

describe("Retry-After", () => {
  it.each([
    ["1.5", 60],
    ["-5", 60],
    ["soon", 60],
    ["", 60],
    ["0", 0],
    ["120", 120],
    ["Sun, 06 Nov 1994 08:49:37 GMT", 0],
  ])("reads %j as %i seconds", async (header, seconds) => {
    await serve({ "GET /x": { status: 429, headers: { "retry-after": header }, body: {} } });
    const error = (await context()
      .fetch(`${server.origin}/x`)
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(seconds);
  });

  it("reads an asctime date as GMT", async () => {
    const date = new Date(Date.now() + 300_000);
    const day = date.toUTCString().slice(0, 3);
    const month = date.toUTCString().slice(8, 11);
    const time = date.toISOString().slice(11, 19);
    const asctime = `${day} ${month} ${String(date.getUTCDate()).padStart(2, " ")} ${time} ${date.getUTCFullYear()}`;
    await serve({ "GET /x": { status: 429, headers: { "retry-after": asctime }, body: {} } });
    const error = (await context()
      .fetch(`${server.origin}/x`)
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error.retryAfter).toBeGreaterThanOrEqual(298);
    expect(error.retryAfter).toBeLessThanOrEqual(300);
  });
});

describe("bodies that cannot be read as declared", () => {
  it("reports invalid JSON under a JSON content type instead of returning the text", async () => {
    await serve({
      "GET /broken": {
        headers: { "content-type": "application/json; charset=utf-8" },
        raw: "{not json",
      },
    });
    const error = await context()
      .fetch(`${server.origin}/broken`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ code: "invalid_json", status: 200 });
    expect((error as Error).message).toContain("invalid JSON");
  });

  it("keeps an error status an HTTPError, with the unparsable body as text", async () => {
    await serve({
      "GET /proxy": {
        status: 502,
        headers: { "content-type": "application/json" },
        raw: "<html>Bad gateway</html>",
      },
    });
    const error = await context()
      .fetch(`${server.origin}/proxy`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ status: 502, responseData: "<html>Bad gateway</html>" });
  });

  it("decodes a declared charset", async () => {
    await serve({
      "GET /latin1": {
        headers: { "content-type": "text/plain; charset=iso-8859-1" },
        raw: Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      },
    });
    expect((await context().fetch(`${server.origin}/latin1`)).data).toBe("café");
  });

  it.each([
    [
      "an unknown charset",
      "text/plain; charset=x-no-such-charset",
      [0x68, 0x69],
      "unknown charset",
    ],
    [
      "bytes invalid in the charset",
      "text/plain; charset=utf-8",
      [0x63, 0xff, 0xfe],
      "not valid utf-8",
    ],
    ["JSON that is not UTF-8", "application/json", [0x22, 0xe9, 0x22], "not valid utf-8"],
  ])("reports %s", async (_what, type, bytes, problem) => {
    await serve({ "GET /odd": { headers: { "content-type": type }, raw: Buffer.from(bytes) } });
    const error = await context()
      .fetch(`${server.origin}/odd`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ code: "undecodable_body" });
    expect((error as Error).message).toContain(problem);
  });
});
