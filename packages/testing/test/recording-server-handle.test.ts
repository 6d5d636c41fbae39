import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { type RecordingServer, startRecordingServer } from "../src/index.ts";

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A promise and the function that settles it: tests wait on the event, never on a clock. */
function event(): { fire: () => void; fired: Promise<void> } {
  let fire: () => void = () => {};
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fire, fired };
}

describe("a reply answered by hand", () => {
  it("streams a head and part of a body, and close() cuts the rest", async () => {
    server = await startRecordingServer({
      "GET /feed": {
        handle: (response) => {
          response.writeHead(200, { "content-type": "application/json", "x-part": "1" });
          response.write('{"items": [');
        },
      },
    });
    const response = await fetch(`${server.origin}/feed`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-part")).toBe("1");
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('{"items": [');
    await server.close();
    await expect(reader.read()).rejects.toThrow();
  });

  it("destroys the socket mid-response", async () => {
    server = await startRecordingServer({
      "GET /cut": {
        handle: (response) => {
          response.writeHead(200, { "content-type": "text/plain" });
          // Destroyed once the head and the first bytes are on the wire.
          response.write("par", () => response.destroy());
        },
      },
    });
    const response = await fetch(`${server.origin}/cut`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(server.requestsTo("GET /cut")).toHaveLength(1);
  });

  it("waits for an async handle, e.g. piping a gzip stream", async () => {
    server = await startRecordingServer({
      "GET /zipped": {
        handle: async (response) => {
          response.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
          await pipeline(Readable.from(["hello ", "gzip ", "stream"]), createGzip(), response);
        },
      },
    });
    const response = await fetch(`${server.origin}/zipped`);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(await response.text()).toBe("hello gzip stream");
  });

  it("leaves a request unanswered until close() cuts its socket", async () => {
    const arrived = event();
    server = await startRecordingServer({ "POST /hang": { handle: () => arrived.fire() } });
    const pending = fetch(`${server.origin}/hang`, { method: "POST", body: "x" }).then(
      () => "answered",
      (error: unknown) => error,
    );
    await arrived.fired;
    // Resolves only because close() destroys the open socket: server.close() alone waits for it.
    await server.close();
    expect(await pending).toBeInstanceOf(TypeError);
    expect(server.requests.map((r) => r.rawBody)).toEqual(["x"]);
  });

  it("answers 500 naming the error when handle throws before the head, cuts the socket after", async () => {
    server = await startRecordingServer({
      "GET /early": {
        handle: () => {
          throw new Error("no head yet");
        },
      },
      "GET /late": {
        handle: async (response) => {
          response.writeHead(200, { "content-type": "text/plain" });
          await new Promise((resolve) => response.write("partial", resolve));
          throw new Error("after the head");
        },
      },
    });
    const early = await fetch(`${server.origin}/early`);
    expect(early.status).toBe(500);
    expect(await early.json()).toEqual({ error: "Error: no head yet" });
    const late = await fetch(`${server.origin}/late`);
    expect(late.status).toBe(200);
    await expect(late.text()).rejects.toThrow();
  });

  it("refuses a reply that gives handle with other fields, naming them", async () => {
    server = await startRecordingServer({
      "GET /both": { status: 201, raw: "canned", handle: (response) => response.end("by hand") },
    });
    const response = await fetch(`${server.origin}/both`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error:
        "Error: the reply for GET /both has handle and status, raw: handle answers alone, drop the others",
    });
  });
});
