import type { Context } from "hono";
import type { Executor } from "../executor.ts";
import { type AuthByIntegration, lookupCredentials } from "./credentials.ts";
import { mcpHttpHandler } from "./http-handler.ts";
import { buildCatalog } from "./tool-catalog.ts";

/** Where the `/mcp` tools find credentials: MCP calls carry none, so the server holds them. */
export interface McpAuthOptions {
  /** Credentials keyed by integration name (an `--auth-file`), preferred to the environment. */
  authFile?: AuthByIntegration;
  /** The auth file's name, for the "missing credentials" hint. */
  authFileName?: string;
  /** Where `PLUGBOARD_AUTH_<INTEGRATION>_<FIELD>` is read (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/** The Hono handler of `/mcp`: every action of the executor's integrations as an MCP tool. */
export function mcpRoute(
  executor: Executor,
  auth: McpAuthOptions = {},
): (c: Context) => Promise<Response> {
  const handle = mcpHttpHandler({
    catalog: buildCatalog(executor.integrations),
    run: (name, call, options) => executor.executeAction(name, call, options),
    credentials: (integration) =>
      lookupCredentials(integration, {
        authFile: auth.authFile,
        ...(auth.authFileName === undefined ? {} : { authFileName: auth.authFileName }),
        env: auth.env ?? process.env,
      }),
  });
  return (c) => handle(c.req.raw);
}
