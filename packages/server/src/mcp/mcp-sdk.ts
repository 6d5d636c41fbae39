/** The parts of the official MCP SDK the server uses, loaded together. */
export interface McpSdk {
  Server: typeof import("@modelcontextprotocol/sdk/server/index.js").Server;
  types: typeof import("@modelcontextprotocol/sdk/types.js");
}

let loading: Promise<McpSdk> | undefined;

/**
 * Imports the MCP SDK on first use: it takes about as long to load as the rest of the CLI
 * (zod schemas for the whole protocol), and `plugboard serve` or `list` need not pay it.
 */
export function loadMcpSdk(): Promise<McpSdk> {
  loading ??= Promise.all([
    import("@modelcontextprotocol/sdk/server/index.js"),
    import("@modelcontextprotocol/sdk/types.js"),
  ]).then(([server, types]) => ({ Server: server.Server, types }));
  return loading;
}
