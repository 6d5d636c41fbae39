import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { createMcpServer, type McpServerOptions } from "./mcp-server.ts";

type RequestId = string | number;

function requestId(message: JSONRPCMessage): RequestId | undefined {
  return "method" in message && "id" in message ? message.id : undefined;
}

function responseId(message: JSONRPCMessage): RequestId | undefined {
  return !("method" in message) && "id" in message ? message.id : undefined;
}

/**
 * Serves the catalog's tools over this process's stdin/stdout until the client closes stdin,
 * then answers the requests still running and resolves. Nothing else may write to stdout
 * meanwhile: it carries the protocol.
 */
export async function serveMcpStdio(options: McpServerOptions): Promise<void> {
  const server = await createMcpServer(options);
  const { StdioServerTransport } = await import("@modelcontextprotocol/sdk/server/stdio.js");
  const transport = new StdioServerTransport();
  const pending = new Set<RequestId>();
  let ended = false;
  const closeWhenIdle = () => {
    if (ended && pending.size === 0) void server.close();
  };
  const closed = new Promise<void>((resolve) => {
    server.onclose = resolve;
  });
  await server.connect(transport);
  // The SDK transport does not stop when stdin ends, which is how a client quits: count the
  // requests in flight (received, not yet answered) and close once the last one is answered.
  const receive = transport.onmessage;
  transport.onmessage = (message) => {
    const id = requestId(message);
    if (id !== undefined) pending.add(id);
    receive?.(message);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message) => {
    await send(message);
    const id = responseId(message);
    if (id !== undefined && pending.delete(id)) closeWhenIdle();
  };
  process.stdin.once("end", () => {
    ended = true;
    closeWhenIdle();
  });
  await closed;
}
