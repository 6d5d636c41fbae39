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
  if (incoming.readableEnded) return "";
  // Events rather than `for await`: an async iterator costs a generator and promises per
  // request, more than reading a small body.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      incoming.off("data", onData);
      incoming.off("end", onEnd);
      incoming.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxSize) {
        done();
        // As `for await` did on a throw: stop reading at once, the rest is never buffered.
        incoming.destroy();
        reject(tooLarge(maxSize));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(
        chunks.length === 1
          ? (chunks[0] as Buffer).toString("utf8")
          : Buffer.concat(chunks).toString("utf8"),
      );
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    incoming.on("data", onData);
    incoming.on("end", onEnd);
    incoming.on("error", onError);
  });
}
