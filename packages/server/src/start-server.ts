import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { type AppOptions, createApp } from "./app.ts";
import { ServerError } from "./errors.ts";
import { createExecutor, type Executor, type ExecutorOptions } from "./executor.ts";
import { Lifecycle } from "./lifecycle.ts";

/** Options of `startServer`: the executor's, the app's, and where to listen. */
export interface StartServerOptions extends ExecutorOptions, Omit<AppOptions, "lifecycle"> {
  /** Port (default 8787; 0 for any free port). */
  port?: number;
  /** Address to bind (default 127.0.0.1); serving without a token requires a loopback one. */
  host?: string;
}

/** A running server. */
export interface RunningServer {
  /** `http://<host>:<port>`. */
  url: string;
  port: number;
  executor: Executor;
  app: Hono;
  lifecycle: Lifecycle;
  /** Graceful stop: refuses new calls (503), lets those in flight finish, then stops. */
  close(): Promise<void>;
}

/** Whether `host` only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

// The characters RFC 6750 allows in a bearer token (hono's bearerAuth checks the same).
const TOKEN = /^[A-Za-z0-9._~+/-]+=*$/;

/** Checks the token and bind address before anything starts. */
export function checkAccess(token: string | null, host: string): void {
  if (token === null && !isLoopback(host)) {
    throw new ServerError(
      "invalid_options",
      `refusing to serve ${host} without a token: set PLUGBOARD_SERVE_TOKEN (or --token-file), or bind 127.0.0.1`,
    );
  }
  if (token !== null && (token.length < 16 || !TOKEN.test(token))) {
    throw new ServerError(
      "invalid_options",
      "the bearer token must be at least 16 characters of A-Z a-z 0-9 . _ ~ + / - (e.g. `openssl rand -hex 32`)",
    );
  }
}

/** Starts the executor and serves the app on `node:http`; resolves once it listens. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  checkAccess(options.token, host);
  const executor = await createExecutor(options);
  const lifecycle = new Lifecycle();
  const app = createApp(executor, { ...options, lifecycle });
  const server = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host });
  // Responses still being written: the app has finished with them, the socket has not.
  const writing = new Set<ServerResponse>();
  server.on("request", (_request: IncomingMessage, response: ServerResponse) => {
    writing.add(response);
    response.once("close", () => writing.delete(response));
  });
  try {
    await Promise.race([
      once(server, "listening"),
      once(server, "error").then(([error]) => {
        throw error;
      }),
    ]);
  } catch (error) {
    await executor.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new ServerError(
        "port_in_use",
        `port ${options.port} is in use on ${host}: pass --port <n>, or --port 0 for any free port`,
      );
    }
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${port}`,
    port,
    executor,
    app,
    lifecycle,
    close() {
      closing ??= (async () => {
        await lifecycle.drain();
        await Promise.all([...writing].map((response) => once(response, "close")));
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        if ("closeAllConnections" in server) server.closeAllConnections();
        await closed;
        await executor.close();
      })();
      return closing;
    },
  };
}
