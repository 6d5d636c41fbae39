import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Fixture, FixtureExchange } from "@plugboard/testing";
import { redactDeep, redactHeaders, redactText, redactUrl } from "./redact-exchange.ts";

/** A running recorder: route the run through `originOverrides`, then `save` the fixture. */
export interface HttpRecorder {
  /** Each intercepted origin mapped to the recorder, to pass to the execution context. */
  originOverrides: Record<string, string>;
  /** The exchanges recorded so far. */
  exchanges: FixtureExchange[];
  /** Writes the fixture file whole (temp file + rename). */
  save(file: string, recorded: string): void;
  close(): Promise<void>;
}

/** Options of `startHttpRecorder`. */
export interface HttpRecorderOptions {
  /** The real API origins to intercept. */
  origins: string[];
  /** Where each origin's requests really go (`--origin` overrides); the origin itself otherwise. */
  upstream: Record<string, string> | undefined;
  /** Credential values, redacted wherever they appear. */
  secrets: string[];
}

const HOP_BY_HOP = new Set([
  "host",
  "connection",
  "content-length",
  "transfer-encoding",
  "keep-alive",
  "content-encoding",
]);

function isText(contentType: string): boolean {
  return (
    /json|text|xml|x-www-form-urlencoded|javascript|csv/i.test(contentType) || contentType === ""
  );
}

function decode(bytes: Buffer, contentType: string): { body: unknown; bodyEncoding?: "base64" } {
  if (bytes.length === 0) return { body: null };
  if (!isText(contentType)) return { body: bytes.toString("base64"), bodyEncoding: "base64" };
  const text = bytes.toString("utf8");
  if (/json/i.test(contentType)) {
    try {
      return { body: JSON.parse(text) };
    } catch {
      // Not JSON after all: keep the text.
    }
  }
  return { body: text };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function flatHeaders(headers: IncomingMessage["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = String(value);
  }
  return out;
}

/**
 * Starts a local `node:http` proxy that forwards each intercepted origin's requests to the
 * real API and records the exchanges, with credentials, credential headers and query
 * parameters redacted and bodies kept readable.
 */
export async function startHttpRecorder(options: HttpRecorderOptions): Promise<HttpRecorder> {
  const exchanges: FixtureExchange[] = [];
  const { secrets } = options;
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const match = /^\/__record\/(\d+)(.*)$/s.exec(incoming.url ?? "");
      const origin = match ? options.origins[Number(match[1])] : undefined;
      if (!match || origin === undefined) {
        outgoing.writeHead(404).end();
        return;
      }
      const rest = match[2] ?? "";
      const target = (options.upstream?.[origin] ?? origin) + rest;
      const method = incoming.method ?? "GET";
      const requestHeaders = flatHeaders(incoming.headers);
      const requestBody = await readBody(incoming);
      const response = await fetch(target, {
        method,
        headers: requestHeaders,
        ...(requestBody.length > 0 ? { body: requestBody } : {}),
        redirect: "manual",
      });
      const responseBody = Buffer.from(await response.arrayBuffer());
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name)) responseHeaders[name] = value;
      });
      const requestType = requestHeaders["content-type"] ?? "";
      exchanges.push({
        request: {
          method,
          url: redactUrl(origin + rest, secrets),
          headers: redactHeaders(requestHeaders, secrets),
          body: redactDeep(decode(requestBody, requestType).body, secrets),
        },
        response: {
          status: response.status,
          headers: redactHeaders(responseHeaders, secrets),
          ...redactDeep(decode(responseBody, responseHeaders["content-type"] ?? ""), secrets),
        },
      });
      outgoing.writeHead(response.status, responseHeaders);
      outgoing.end(responseBody);
    })().catch((error: unknown) => {
      // The handler sees a 502 naming the failure; the recorder never hides a failed forward.
      if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "text/plain" });
      outgoing.end(`plugboard --record: forwarding failed: ${redactText(String(error), secrets)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    originOverrides: Object.fromEntries(
      options.origins.map((origin, index) => [origin, `${base}/__record/${index}`]),
    ),
    exchanges,
    save(file, recorded) {
      const fixture: Fixture = { recorded, exchanges };
      mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(fixture, null, 2)}\n`);
      renameSync(temp, file);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
