export { ServerError, type ServerErrorCode } from "./errors.ts";
export type { ActionRunner, RunRequest } from "./mcp/action-runner.ts";
export {
  type AuthByIntegration,
  type CredentialLookup,
  credentialEnvName,
  lookupCredentials,
  parseAuthFile,
} from "./mcp/credentials.ts";
export { mcpHttpHandler } from "./mcp/http-handler.ts";
export { type LocalRunnerOptions, localRunner } from "./mcp/local-runner.ts";
export { createMcpServer, type McpServerOptions } from "./mcp/mcp-server.ts";
export { serveMcpStdio } from "./mcp/stdio.ts";
export {
  buildCatalog,
  type CatalogEntry,
  QUALIFIED_NAME_META,
  type ToolCatalog,
} from "./mcp/tool-catalog.ts";
export { TOOL_NAME_PATTERN, toolName } from "./mcp/tool-name.ts";
export { type Envelope, envelopeResult, thrownResult } from "./mcp/tool-result.ts";
export { inputToolSchema, outputToolSchema, type ToolSchema } from "./mcp/tool-schema.ts";
