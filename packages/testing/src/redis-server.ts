import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A real redis-server of a test's own, on a unix socket in a fresh folder. */
export interface TestRedis {
  /** `unix:///…/redis.sock`, the URL `plugboard worker --redis` takes. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts Debian's redis-server with no TCP port (`--port 0`), no persistence, and a socket in
 * a temporary folder, and resolves once it accepts connections (it prints "ready to accept connections").
 */
export async function startRedisServer(): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), "plugboard-redis-"));
  const socket = join(dir, "redis.sock");
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", "0", "--unixsocket", socket, "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`redis-server exited ${code}: ${output}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (/ready to accept connections/i.test(output)) resolve();
    });
  });
  child.removeAllListeners("exit");
  return {
    url: `unix://${socket}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
