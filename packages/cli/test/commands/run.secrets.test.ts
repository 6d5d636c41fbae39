import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pollCommand } from "../../src/commands/poll.ts";
import { runCommand } from "../../src/commands/run.ts";
import { capture } from "../capture.ts";
import { addVault, OPERATOR_KEY_VAR } from "../fixtures/vault.ts";
import { createFixtureWorkspace } from "../fixtures/workspace.ts";

// A value that must reach the trigger and never be printed.
const OPERATOR_KEY = "op-live-NEVER-PRINTED-51d0";

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;
let authFile = "";

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
  ({ authFile } = await addVault(workspace.root));
}, 60_000);

afterAll(async () => {
  await workspace?.remove();
});

afterEach(() => {
  delete process.env[OPERATOR_KEY_VAR];
});

const common = () => ["--auth-file", authFile, "--cwd", workspace.root, "--json"];

describe("a trigger's declared secrets in plugboard run and poll", () => {
  it("run hands the trigger its declared secret from the environment, and prints no value", async () => {
    process.env[OPERATOR_KEY_VAR] = OPERATOR_KEY;
    const { code, stdout } = await capture(runCommand, ["vault.operator_items", ...common()]);
    expect(code).toBe(0);
    expect(stdout).not.toContain(OPERATOR_KEY);
    const envelope = JSON.parse(stdout);
    expect(envelope.result.records[0].data).toEqual({
      keys: [OPERATOR_KEY_VAR],
      length: OPERATOR_KEY.length,
    });
  });

  it("run refuses the poll when the declared secret is missing, naming the key", async () => {
    const { code, stdout, stderr } = await capture(runCommand, [
      "vault.operator_items",
      ...common(),
    ]);
    expect(code).not.toBe(0);
    expect(`${stdout}${stderr}`).toContain(OPERATOR_KEY_VAR);
  });

  it("poll hands the trigger its declared secret on every simulated poll", async () => {
    process.env[OPERATOR_KEY_VAR] = OPERATOR_KEY;
    const { code, stdout } = await capture(pollCommand, [
      "vault.operator_items",
      "--times",
      "2",
      "--deliver-first-poll",
      ...common(),
    ]);
    expect(code).toBe(0);
    expect(stdout).not.toContain(OPERATOR_KEY);
    expect(stdout).toContain(`"length": ${OPERATOR_KEY.length}`);
  });
});
