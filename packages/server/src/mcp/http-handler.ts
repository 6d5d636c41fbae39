import { createMcpServer, type McpServerOptions } from "./mcp-server.ts";

/**
 * A Fetch-API handler serving the catalog's tools over MCP Streamable HTTP, statelessly: each
 * request gets its own server and transport, answered with JSON (no SSE, no session), so it
 * fits behind any Hono route, on Node or AWS Lambda. Authenticate before calling it.
 */
export function mcpHttpHandler(options: McpServerOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const server = await createMcpServer(options);
    const { WebStandardStreamableHTTPServerTransport } = await import(
      "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js"
    );
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(request);
    } finally {
      // The JSON response is complete once handleRequest resolves.
      await server.close();
    }
  };
}
