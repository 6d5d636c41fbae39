import { locateSyntaxError } from "@plugboard/sdk";
import { isObject } from "@plugboard/sdk/internal";
import { type Context, Hono } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { describeIntegrations } from "./describe.ts";
import { ServerError } from "./errors.ts";
import type { CallOptions, Executor } from "./executor.ts";
import { Lifecycle } from "./lifecycle.ts";
import { type McpAuthOptions, mcpRoute } from "./mcp/mcp-route.ts";
import { buildOpenApi } from "./openapi.ts";
import { readBodyText } from "./read-body.ts";
import { requestSignal } from "./request-signal.ts";
import { envelopeStatus } from "./status.ts";

/** Options of `createApp`. */
export interface AppOptions {
  /**
   * The bearer token every route but `/healthz` requires, compared in constant time.
   * `null` serves without authentication: only ever on a loopback address.
   */
  token: string | null;
  /** Largest request body in bytes (default 1 MiB); larger ones get 413. */
  bodyLimitBytes?: number;
  /** Tracks requests in flight and refuses new ones (503) once draining; one is made if omitted. */
  lifecycle?: Lifecycle;
  /** Receives one line per request (method, path, status, duration): never a body or header. */
  log?: (line: string) => void;
  /** Credentials of the tools served at `/mcp` (default: `PLUGBOARD_AUTH_*` variables). */
  mcp?: McpAuthOptions;
}

type Json = Record<string, unknown>;

// What `c.json` sends, so both kinds of answer carry the same header.
const JSON_TYPE = { "content-type": "application/json" };

/** The request body as a JSON object, or a `ServerError` saying where it is malformed. */
async function readBody(text: string): Promise<Json> {
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // The position only: the text around a syntax error may hold a credential.
    const { line, column } = locateSyntaxError(text, error);
    throw new ServerError(
      "invalid_json",
      `request body: invalid JSON at line ${line}, column ${column}; send a JSON object`,
    );
  }
  if (!isObject(parsed)) {
    throw new ServerError(
      "invalid_body",
      `request body: expected a JSON object like { "inputs": {…}, "auth": {…} }, got ${Array.isArray(parsed) ? "an array" : typeof parsed}`,
    );
  }
  return parsed;
}

function field(body: Json, key: string, kind: "object" | "string"): unknown {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  const ok = kind === "object" ? isObject(value) : typeof value === "string";
  if (!ok) {
    throw new ServerError(
      "invalid_body",
      `request body/${key}: expected ${kind === "object" ? "an object" : "a string"}`,
    );
  }
  return value;
}

// The client's disconnect reaches the executor: a call still waiting for a worker is dropped.
// One already running keeps its deadline (see CallOptions.signal): stopping it would cost a
// worker restart whenever a proxy closes early, halfway through the handler's side effects.
function callOptions(body: Json, c: Context): CallOptions {
  const signal = requestSignal(c);
  const timeout = body.timeout_ms;
  if (timeout === undefined) return signal ? { signal } : {};
  if (typeof timeout !== "number" || !Number.isFinite(timeout) || timeout <= 0) {
    throw new ServerError("invalid_body", "request body/timeout_ms: expected a positive number");
  }
  return { timeoutMs: timeout, ...(signal ? { signal } : {}) };
}

/**
 * The Hono app serving `executor`: the registry, actions, triggers and connected accounts over
 * JSON, `/healthz` and `/openapi.json`. The same app runs on `node:http` and on AWS Lambda.
 */
export function createApp(executor: Executor, options: AppOptions): Hono {
  const app = new Hono();
  const lifecycle = options.lifecycle ?? new Lifecycle();
  const maxSize = options.bodyLimitBytes ?? 1024 * 1024;
  const log = options.log;

  app.onError((error, c) => {
    if (error instanceof ServerError) {
      if (error.retryAfter !== undefined) c.header("Retry-After", String(error.retryAfter));
      return c.json(error.toJSON(), error.status as 400);
    }
    if (error instanceof HTTPException) return error.getResponse();
    const message = "internal error: the server failed to answer; see its log";
    log?.(`internal error: ${error instanceof Error ? error.name : typeof error}`);
    return c.json({ error: { code: "internal_error", message } }, 500);
  });
  app.notFound((c) =>
    c.json(
      {
        error: {
          code: "not_found",
          message: `no route ${c.req.method} ${c.req.path}: see GET /openapi.json`,
        },
      },
      404,
    ),
  );

  if (log) {
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      const ms = (performance.now() - started).toFixed(1);
      log(`${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms`);
    });
  }

  app.get("/healthz", (c) =>
    c.json(
      {
        status: lifecycle.draining ? "draining" : "ok",
        integrations: executor.integrations.length,
        pending: executor.pending,
      },
      lifecycle.draining ? 503 : 200,
    ),
  );

  if (options.token !== null) {
    const unauthorized = {
      error: {
        code: "unauthorized",
        message: "missing or wrong bearer token: send Authorization: Bearer <token>",
      },
    };
    app.use(
      bearerAuth({
        token: options.token,
        noAuthenticationHeader: { message: unauthorized },
        invalidToken: { message: unauthorized },
        invalidAuthenticationHeader: { message: unauthorized },
      }),
    );
  }

  app.use(async (c, next) => {
    if (lifecycle.draining) {
      c.header("Connection", "close");
      throw new ServerError(
        "shutting_down",
        "the server is shutting down; retry on another instance",
      );
    }
    lifecycle.begin();
    try {
      await next();
    } finally {
      lifecycle.end();
    }
  });

  // The MCP transport reads the body through Hono; the other routes read it themselves
  // (read-body.ts), with the same limit.
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new ServerError(
        "body_too_large",
        `request body: larger than the limit of ${maxSize} bytes; send less data`,
      );
    },
  });

  app.get("/integrations", (c) =>
    c.json({ integrations: describeIntegrations(executor.integrations) }),
  );
  app.get("/openapi.json", (c) => c.json(buildOpenApi(executor.integrations)));

  // MCP Streamable HTTP, stateless: POST carries JSON-RPC, GET and DELETE answer 405.
  app.all("/mcp", limit, mcpRoute(executor, options.mcp));

  app.post("/integrations/:name/actions/:action", async (c) => {
    const body = await readBody(await readBodyText(c, maxSize));
    const auth = field(body, "auth", "object") as Json | undefined;
    const qualified = `${c.req.param("name")}.${c.req.param("action")}`;
    // Serialized in the worker: only a string crosses back, and this thread sends it as is.
    const { json, status } = await executor.executeActionJson(
      qualified,
      { inputs: body.inputs ?? {}, ...(auth ? { auth } : {}) },
      callOptions(body, c),
    );
    return c.body(json, status, JSON_TYPE);
  });

  app.post("/integrations/:name/triggers/:trigger", async (c) => {
    const body = await readBody(await readBodyText(c, maxSize));
    const auth = field(body, "auth", "object") as Json | undefined;
    const lastPollTs = field(body, "last_poll_ts", "string") as string | undefined;
    const qualified = `${c.req.param("name")}.${c.req.param("trigger")}`;
    const outcome = await executor.pollTrigger(
      qualified,
      {
        inputs: body.inputs ?? {},
        ...(auth ? { auth } : {}),
        lastPollTs: lastPollTs ?? null,
        ...(body.state === undefined ? {} : { state: body.state }),
      },
      callOptions(body, c),
    );
    if (outcome.type === "records") return c.json({ records: outcome.records }, 200);
    return c.json(outcome, envelopeStatus(outcome));
  });

  app.post("/integrations/:name/connected-account", async (c) => {
    const body = await readBody(await readBodyText(c, maxSize));
    const auth = field(body, "auth", "object") as Json | undefined;
    const envelope = await executor.connectedAccount(
      c.req.param("name"),
      auth ? { auth } : {},
      callOptions(body, c),
    );
    return c.json(envelope, envelopeStatus(envelope));
  });

  return app;
}
