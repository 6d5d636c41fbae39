import type { IncomingMessage, ServerResponse } from "node:http";
import {
  assertCredentials,
  loadRegistry,
  platformAuth,
  RegistryError,
  resolveAction,
  runAction,
} from "@plugboard/registry";
import { isObject } from "@plugboard/sdk/internal";
import { PlaygroundError } from "./errors.ts";
import { fieldErrors } from "./field-errors.ts";
import { credentialsSchema, toFormSchema } from "./form-schema.ts";
import { IntegrationCache } from "./integration-cache.ts";

type Json = Record<string, unknown>;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/** The playground's JSON API: the registry as forms, and running an action. */
export function handleApi(options: {
  root: string;
  originOverrides?: Record<string, string> | undefined;
}) {
  const cache = new IntegrationCache();

  async function integrations(res: ServerResponse) {
    const registry = await loadRegistry(options.root);
    json(res, 200, {
      problems: registry.problems.map((problem) => problem.message),
      integrations: registry.integrations.map((integration) => ({
        name: integration.name,
        displayName: integration.displayName ?? integration.name,
        description: integration.description,
        credentials: credentialsSchema(integration.auth),
        actions: integration.entries
          .filter((entry) => entry.kind === "action")
          .map((entry) => ({
            name: entry.name,
            qualifiedName: entry.qualifiedName,
            displayName: entry.displayName ?? entry.name,
            description: entry.description,
            schema: { type: "object", ...toFormSchema(entry.inputSchema) },
          })),
      })),
    });
  }

  async function run(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    if (!isObject(body) || typeof body.action !== "string") {
      return json(res, 400, {
        error: 'expected {"action": "<integration>.<action>", "inputs": {…}}',
      });
    }
    const registry = await loadRegistry(options.root);
    const { integration, entry } = resolveAction(registry, body.action);
    // Credentials live in the request only: never stored, never logged.
    const credentials = isObject(body.credentials) ? body.credentials : undefined;
    assertCredentials(
      integration.name,
      integration.auth,
      credentials,
      ": fill in the credentials form",
    );
    const loaded = await cache.get(integration.dir);
    const outcome = await runAction(loaded, {
      action: entry.name,
      inputs: body.inputs ?? {},
      auth: platformAuth(integration.auth, credentials),
      originOverrides: options.originOverrides,
    });
    json(res, 200, {
      ...outcome,
      fieldErrors:
        outcome.result.type === "validation_error" ? fieldErrors(outcome.result.result) : [],
    });
  }

  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    try {
      if (req.method === "GET" && pathname === "/api/integrations") return await integrations(res);
      if (req.method === "POST" && pathname === "/api/run") {
        // A JSON content type cannot be sent cross-site without a preflight we never answer.
        if (!req.headers["content-type"]?.startsWith("application/json")) {
          return json(res, 415, { error: "send application/json" });
        }
        return await run(req, res);
      }
      json(res, 404, { error: `no ${req.method} ${pathname}` });
    } catch (error) {
      const message =
        error instanceof RegistryError ||
        error instanceof PlaygroundError ||
        error instanceof SyntaxError
          ? error.message
          : `${(error as Error).name}: ${(error as Error).message}`;
      json(res, 400, { error: message });
    }
  };
}
