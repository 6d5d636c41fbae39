import { createRequire } from "node:module";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { CallOptions } from "../executor.ts";
import type { CredentialLookup } from "./credentials.ts";
import { loadMcpSdk } from "./mcp-sdk.ts";
import { redactValues } from "./redact-values.ts";
import type { CatalogEntry, ToolCatalog } from "./tool-catalog.ts";
import { type Envelope, envelopeResult, thrownResult } from "./tool-result.ts";

/** What an MCP server of Plugboard tools serves and how it runs a call. */
export interface McpServerOptions {
  catalog: ToolCatalog;
  /** The executor's `executeAction`: the one execution path of every entry. */
  run: (
    qualifiedName: string,
    call: { inputs: unknown; auth?: Record<string, unknown> },
    options?: CallOptions,
  ) => Promise<Envelope>;
  /** The credentials of an integration, looked up on every call. */
  credentials: (integration: CatalogEntry["integration"]) => CredentialLookup;
}

function argumentsOf(entry: CatalogEntry, args: Record<string, unknown> | undefined): unknown {
  const given = args ?? {};
  return entry.input.wrappedAs === undefined ? given : given[entry.input.wrappedAs];
}

async function callTool(
  entry: CatalogEntry,
  args: Record<string, unknown> | undefined,
  options: McpServerOptions,
): Promise<CallToolResult> {
  const lookup = options.credentials(entry.integration);
  if (lookup.missing.length > 0) {
    const missing = lookup.missing.map((field) => `"${field}"`).join(", ");
    return {
      isError: true,
      content: [
        {
          type: "text",
          text: `integration ${entry.integration.name} needs credentials: missing ${missing} (${lookup.hint})`,
        },
      ],
      _meta: { "plugboard/error": { type: "missing_credentials", missing: lookup.missing } },
    };
  }
  try {
    const inputs = argumentsOf(entry, args);
    const call = lookup.auth === undefined ? { inputs } : { inputs, auth: lookup.auth };
    const envelope = await options.run(entry.qualifiedName, call);
    return envelopeResult(envelope, entry.output.wrappedAs);
  } catch (error) {
    // The executor's messages are redacted in the worker already; credentials are redacted
    // again here in case a message was built outside an execution context.
    return thrownResult(error, redactValues(lookup.auth));
  }
}

/**
 * An MCP server (the SDK's low-level `Server`) whose tools are the catalog's actions: `tools/list`
 * lists every one, whether or not its credentials are present (an agent learns what exists, and
 * a call without them says which are missing and where to put them); `tools/call` runs one.
 * Connect it to a transport: stdio for `plugboard mcp`, Streamable HTTP for `plugboard serve`.
 */
export async function createMcpServer(options: McpServerOptions): Promise<Server> {
  const { Server, types } = await loadMcpSdk();
  const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };
  const { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } = types;
  const server = new Server(
    { name: "plugboard", version },
    { capabilities: { tools: { listChanged: false } } },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: options.catalog.tools }));
  server.setRequestHandler(CallToolRequestSchema, (request) => {
    const entry = options.catalog.byName.get(request.params.name);
    if (!entry) {
      // An unknown tool is a protocol error, not a tool result (MCP spec, "Error Handling").
      throw new McpError(ErrorCode.InvalidParams, `unknown tool "${request.params.name}"`);
    }
    return callTool(entry, request.params.arguments, options);
  });
  return server;
}
