// The environment source and its interface live in the SDK (the playground and `plugboard run`
// use them too); re-exported so a server user finds every secret source here.
export { envSecretSource, type SecretSource } from "@plugboard/sdk";
export { type AppOptions, createApp } from "./app.ts";
export {
  describeIntegrations,
  type IntegrationDescription,
  type OperationDescription,
} from "./describe.ts";
export { errorStatus, ServerError, type ServerErrorCode } from "./errors.ts";
export {
  type ActionCall,
  type CallOptions,
  createExecutor,
  type Executor,
  type ExecutorOptions,
  type TriggerCall,
  type TriggerOutcome,
} from "./executor.ts";
export { createLambdaHandler, type LambdaHandler, type LambdaHandlerOptions } from "./lambda.ts";
export { Lifecycle } from "./lifecycle.ts";
export {
  type AuthByIntegration,
  type CredentialLookup,
  credentialEnvName,
  lookupCredentials,
  parseAuthFile,
} from "./mcp/credentials.ts";
export { mcpHttpHandler } from "./mcp/http-handler.ts";
export { type McpAuthOptions, mcpRoute } from "./mcp/mcp-route.ts";
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
export { buildOpenApi } from "./openapi.ts";
export { defaultWorkers, type Isolation } from "./pool.ts";
export { fileSecretSource } from "./secret-source.ts";
export { readServedIntegrations, type ServedIntegration } from "./served-integration.ts";
export {
  checkAccess,
  isLoopback,
  type RunningServer,
  type StartServerOptions,
  startServer,
} from "./start-server.ts";
export { envelopeStatus } from "./status.ts";
export { applyServerV8Flags, SERVER_V8_FLAGS } from "./v8-flags.ts";
