import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { SecretSource } from "@plugboard/sdk";
import { handleApi, type RunRecording } from "./api.ts";
import { PlaygroundError } from "./errors.ts";

/** Options of the playground server. */
export interface PlaygroundOptions {
  /** The workspace root whose integrations the page lists. */
  root: string;
  /** The port to listen on; 0 picks a free one. */
  port: number;
  /** Real API origins mapped to local replacements for every run. */
  originOverrides?: Record<string, string> | undefined;
  /** Seconds one run may take before it is given up (504); no limit when absent or 0. */
  timeout?: number | undefined;
  /** Says why an integration's generated code is stale; the page shows it. */
  staleWarning?: ((dir: string) => string | undefined) | undefined;
  /**
   * Where the secrets actions and triggers declare come from (default: the environment, the
   * same source `plugboard serve` uses); a run missing a required one is refused, naming it.
   */
  secretSource?: SecretSource | undefined;
  /**
   * Records each run's HTTP exchanges (`plugboard dev --record`): called before every run with
   * its qualified name and credentials; the page shows where the recording went.
   */
  record?: ((run: { name: string; auth: unknown }) => RunRecording) | undefined;
}

/** A running playground. */
export interface Playground {
  url: string;
  close(): Promise<void>;
}

const assets = new URL("../assets/playground/", import.meta.url);
const require = createRequire(import.meta.url);

const files: Record<string, { path: () => string; type: string }> = {
  "/": { path: () => fileURLToPath(new URL("index.html", assets)), type: "text/html" },
  "/app.js": { path: () => fileURLToPath(new URL("app.js", assets)), type: "text/javascript" },
  "/app.css": { path: () => fileURLToPath(new URL("app.css", assets)), type: "text/css" },
  "/vendor/jsoneditor.js": {
    path: () => require.resolve("@json-editor/json-editor/dist/jsoneditor.js"),
    type: "text/javascript",
  },
};

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    "content-type": `${type}; charset=utf-8`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(body);
}

function allowedHost(req: IncomingMessage, port: number): boolean {
  // Guards against DNS rebinding: only our own loopback names may address the server.
  const host = req.headers.host ?? "";
  return [`127.0.0.1:${port}`, `localhost:${port}`].includes(host);
}

function allowedOrigin(req: IncomingMessage, port: number): boolean {
  // Guards against cross-site requests: a browser names the page that sent them. Tools such as
  // curl send no Origin, and cannot be made to send one by another site.
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`].includes(origin);
}

/** Starts the playground on 127.0.0.1 and resolves once it is listening. */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  let port = options.port;
  const api = handleApi(options);
  const server = createServer((req, res) => {
    void (async () => {
      if (!allowedHost(req, port)) return send(res, 403, "Forbidden host", "text/plain");
      if (!allowedOrigin(req, port)) return send(res, 403, "Forbidden origin", "text/plain");
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (url.pathname.startsWith("/api/")) return api(req, res, url.pathname);
      if (url.pathname === "/favicon.ico") return send(res, 204, "", "text/plain");
      const file = req.method === "GET" ? files[url.pathname] : undefined;
      if (!file) return send(res, 404, "Not found", "text/plain");
      send(res, 200, await readFile(file.path()), file.type);
    })().catch((error: unknown) => {
      // The error's class only: its message may quote what the request carried.
      if (!res.headersSent) send(res, 500, (error as Error).name ?? "Error", "text/plain");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(
          new PlaygroundError(
            "port_in_use",
            `port ${options.port} is in use on 127.0.0.1: pass --port <n>, or --port 0 for any free port`,
          ),
        );
      } else reject(error);
    });
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
