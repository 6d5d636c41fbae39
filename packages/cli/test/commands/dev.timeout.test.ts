import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devCommand } from "../../src/commands/dev.ts";
import { capture } from "../capture.ts";
import { type DevProcess, startDev } from "../dev-process.ts";
import { addVault, VAULT_KEY } from "../fixtures/vault.ts";
import { createFixtureWorkspace } from "../fixtures/workspace.ts";

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;
let dev: DevProcess | undefined;

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
  await addVault(workspace.root);
}, 60_000);

afterAll(async () => {
  await dev?.stop();
  await workspace?.remove();
});

describe("plugboard dev --timeout", () => {
  it("gives a hanging run up with 504 and keeps serving", async () => {
    dev = await startDev(workspace.root, "--timeout", "0.5");
    const { url } = dev;
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
