import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import { ServerError } from "./errors.ts";

function tooLarge(maxSize: number): ServerError {
  return new ServerError(
    "body_too_large",
    `request body: larger than the limit of ${maxSize} bytes; send less data`,
  );
}

/**
 * The request body as text, refused with `body_too_large` past `maxSize` bytes. On node:http it
 * reads the IncomingMessage itself: asking Hono for the body makes @hono/node-server build a
 * web `Request` and stream, which costs more than the rest of a no-op call (see the server
 * benchmark). Elsewhere (AWS Lambda) the body is already in memory.
 */
export async function readBodyText(c: Context, maxSize: number): Promise<string> {
  const declared = Number(c.req.header("content-length") ?? Number.NaN);
  if (declared > maxSize) throw tooLarge(maxSize);
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || typeof incoming.on !== "function") {
    const text = await c.req.text();
    if (Buffer.byteLength(text) > maxSize) throw tooLarge(maxSize);
    return text;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > maxSize) throw tooLarge(maxSize);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
