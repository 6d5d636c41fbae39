import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devCommand } from "../../src/commands/dev.ts";
import { capture } from "../capture.ts";
import { addVault, VAULT_KEY } from "../fixtures/vault.ts";
import { createFixtureWorkspace } from "../fixtures/workspace.ts";

const entry = fileURLToPath(new URL("../plugboard-entry.ts", import.meta.url));

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;
let child: ChildProcess | undefined;

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
  await addVault(workspace.root);
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
  await workspace?.remove();
});

/** Starts `plugboard dev` in a child process and resolves with the URL it prints. */
async function startDev(...args: string[]): Promise<string> {
  child = spawn(
    process.execPath,
    ["--import", "tsx", entry, "dev", "--port", "0", "--cwd", workspace.root, ...args],
    { env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout?.setEncoding("utf8");
  for await (const chunk of child.stdout ?? []) {
    out += chunk;
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
    if (url) return url;
  }
  throw new Error(`plugboard dev printed no URL: ${out}`);
}

describe("plugboard dev --timeout", () => {
  it("gives a hanging run up with 504 and keeps serving", async () => {
    const url = await startDev("--timeout", "0.5");
    const response = await fetch(new URL("/api/run", url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "vault.hang", credentials: { api_key: VAULT_KEY } }),
    });
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ error: 'Action "hang" did not finish within 0.5 s' });
    const list = await fetch(new URL("/api/integrations", url));
    expect(list.status).toBe(200);
  }, 60_000);

  it("rejects a --timeout that is not a number of seconds", async () => {
    const { code, stderr } = await capture(devCommand, ["--timeout", "soon", "--port", "0"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--timeout soon: expected a number of seconds");
  });
});
