import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createMcpServer, type McpServerOptions } from "./mcp-server.ts";

/**
 * Serves the catalog's tools over this process's stdin/stdout until the client closes stdin;
 * resolves then. Nothing else may write to stdout meanwhile: it carries the protocol.
 */
export async function serveMcpStdio(options: McpServerOptions): Promise<void> {
  const server = createMcpServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.onclose = resolve;
  });
  // The SDK transport stops on stdin errors, but not when stdin ends: that is how a client quits.
  process.stdin.once("end", () => void server.close());
  await server.connect(transport);
  await closed;
}
