import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("./plugboard-entry.ts", import.meta.url));

/** A response body, read as loosely as JSON is. */
// biome-ignore lint/suspicious/noExplicitAny: tests index into bodies of every shape.
type Json = Record<string, any>;

/** A `plugboard serve` child process listening on a free port. */
export interface ServeProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** Everything the process printed so far, stdout and stderr. */
  output(): string;
  /** Calls the server with the token (unless `token: null`), returning status and JSON. */
  call(
    path: string,
    options?: { body?: unknown; raw?: string; token?: string | null },
  ): Promise<{ status: number; body: Json; headers: Headers }>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `plugboard serve --port 0 …args` from source and waits for its URL. */
export async function startServe(
  args: string[],
  env: Record<string, string>,
  token: string | null,
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", entry, "serve", "--port", "0", ...args],
    {
      env: { ...process.env, NO_COLOR: "1", ...env },
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const found = /Plugboard server: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found?.[1]) {
        child.stdout.off("data", check);
        resolve(found[1]);
      }
    };
    child.stdout.on("data", check);
    child.once("exit", (code) => reject(new Error(`plugboard serve exited ${code}: ${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    async call(path, options = {}) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      const bearer = options.token === undefined ? token : options.token;
      if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
      const hasBody = options.raw !== undefined || options.body !== undefined;
      const response = await fetch(`${url}${path}`, {
        method: hasBody ? "POST" : "GET",
        headers,
        ...(hasBody ? { body: options.raw ?? JSON.stringify(options.body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: JSON.parse(text), headers: response.headers };
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const [code] = await exited;
      return code as number | null;
    },
  };
}
