import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from "@modelcontextprotocol/sdk/types.js";
import type { RegistryIntegration } from "@plugboard/registry";
import type { ActionRunner } from "./action-runner.ts";
import type { CredentialLookup } from "./credentials.ts";
import { redactValues } from "./redact-values.ts";
import type { CatalogEntry, ToolCatalog } from "./tool-catalog.ts";
import { envelopeResult, thrownResult } from "./tool-result.ts";

/** What an MCP server of Plugboard tools serves and how it runs a call. */
export interface McpServerOptions {
  catalog: ToolCatalog;
  run: ActionRunner;
  /** The credentials of an integration, looked up on every call (files may be rotated). */
  credentials: (integration: RegistryIntegration) => CredentialLookup;
  /** Secret values the runner may use, redacted from error text along with credentials. */
  secrets?: () => unknown;
  /** The version reported in `serverInfo`. */
  version: string;
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
    const envelope = await options.run(entry.action.qualifiedName, {
      inputs: argumentsOf(entry, args),
      auth: lookup.auth,
    });
    return envelopeResult(envelope, entry.output.wrappedAs);
  } catch (error) {
    return thrownResult(error, redactValues(lookup.auth, options.secrets?.()));
  }
}

/**
 * An MCP server (the SDK's low-level `Server`) whose tools are the catalog's actions: `tools/list`
 * lists every one, whether or not its credentials are present (an agent learns what exists, and
 * a call without them says which are missing and where to put them); `tools/call` runs one.
 * Connect it to a transport: stdio for `plugboard mcp`, Streamable HTTP for `plugboard serve`.
 */
export function createMcpServer(options: McpServerOptions): Server {
  const server = new Server(
    { name: "plugboard", version: options.version },
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
