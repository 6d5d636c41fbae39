import type { ServerResponse } from "node:http";
import type { Context } from "hono";

/**
 * An abort signal that fires when the client of a `node:http` request goes away before its
 * response is written, so a call still waiting for a worker is dropped rather than run for
 * nobody. `undefined` elsewhere (AWS Lambda has no client connection to lose).
 */
export function requestSignal(c: Context): AbortSignal | undefined {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (!outgoing || typeof outgoing.once !== "function") return undefined;
  const controller = new AbortController();
  // A response emits "close" once written too; only one closed before that was abandoned.
  outgoing.once("close", () => {
    if (!outgoing.writableFinished) controller.abort();
  });
  return controller.signal;
}
