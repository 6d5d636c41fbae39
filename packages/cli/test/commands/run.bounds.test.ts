import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/run.ts";
import { capture } from "../capture.ts";
import { addVault, VAULT_KEY } from "../fixtures/vault.ts";
import { createFixtureWorkspace } from "../fixtures/workspace.ts";

const exec = promisify(execFile);
const entry = fileURLToPath(new URL("../plugboard-entry.ts", import.meta.url));

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;
let authFile = "";

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
  ({ authFile } = await addVault(workspace.root));
}, 60_000);

afterAll(async () => {
  await workspace?.remove();
});

function run(args: string[]) {
  return capture(runCommand, [...args, "--auth-file", authFile, "--cwd", workspace.root]);
}

describe("plugboard run, bounded and redacted", () => {
  it("prints a handler's exception with its credential redacted, exiting 6", async () => {
    const { code, stdout, stderr } = await run(["vault.leak"]);
    expect(code).toBe(6);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      'plugboard run: action "leak" threw TypeError: request with key [REDACTED] failed\n',
    );
    expect(stderr).not.toContain(VAULT_KEY);
  });

  it("gives a hanging handler up after --timeout, exiting 5 with one line", async () => {
    const { code, stdout, stderr } = await run(["vault.hang", "--timeout", "0.3"]);
    expect(code).toBe(5);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      'plugboard run: Action "hang" did not finish within 0.3 s; pass --timeout <seconds> to allow longer (0: no limit)\n',
    );
  });

  it("rejects a --timeout that is not a number of seconds", async () => {
    for (const bad of ["soon", "-1", ""]) {
      const { code, stderr } = await run(["vault.hang", `--timeout=${bad}`]);
      expect(code).toBe(2);
      expect(stderr).toContain(`--timeout ${bad}: expected a number of seconds`);
    }
  });

  it("ends a real process whose handler hangs with exit 5 and a message", async () => {
    const failed = await exec(
      process.execPath,
      [
        "--import",
        "tsx",
        entry,
        "run",
        "vault.hang",
        "--timeout",
        "1",
        "--auth-file",
        authFile,
        "--cwd",
        workspace.root,
      ],
      { env: { ...process.env, NO_COLOR: "1" } },
    ).catch((error: unknown) => error as { code: number; stdout: string; stderr: string });
    expect(failed).toMatchObject({ code: 5, stdout: "" });
    expect((failed as { stderr: string }).stderr).toContain(
      'plugboard run: Action "hang" did not finish within 1 s',
    );
  }, 60_000);
});
