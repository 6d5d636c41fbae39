import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("./plugboard-entry.ts", import.meta.url));

/** A `plugboard dev` child process listening on a free port. */
export interface DevProcess {
  url: string;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Sends SIGTERM and waits for the process to exit. */
  stop(): Promise<void>;
}

/** Starts `plugboard dev --port 0 --cwd <root> …args` from source and waits for its URL. */
export async function startDev(root: string, ...args: string[]): Promise<DevProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", entry, "dev", "--port", "0", "--cwd", root, ...args],
    { env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let errors = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    errors += chunk;
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;
  };
  let out = "";
  child.stdout?.setEncoding("utf8");
  for await (const chunk of child.stdout ?? []) {
    out += chunk;
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
    if (url) return { url, stderr: () => errors, stop };
  }
  await stop();
  throw new Error(`plugboard dev printed no URL: ${out}${errors}`);
}
