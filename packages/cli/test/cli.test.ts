import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorkspace } from "./fixtures/workspace.ts";

const exec = promisify(execFile);
const entry = fileURLToPath(new URL("./plugboard-entry.ts", import.meta.url));

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
}, 60_000);

afterAll(async () => {
  await workspace?.remove();
});

/** Runs `plugboard` in a child process, as a user would. */
async function plugboard(...args: string[]) {
  try {
    const { stdout, stderr } = await exec(process.execPath, ["--import", "tsx", entry, ...args], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("the plugboard command line", () => {
  it("lists its commands and suggests the closest one for a typo", async () => {
    const help = await plugboard("--help");
    expect(help.code).toBe(0);
    for (const command of ["init", "codegen", "list", "validate", "run", "dev", "import"]) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    }
    const typo = await plugboard("lst");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^plugboard: unknown command "lst"\. Did you mean "list"\?/);
  }, 120_000);

  it.each(["init", "list", "validate", "run", "dev", "import"])(
    "explains `%s` on --help",
    async (command) => {
      const { code, stdout } = await plugboard(command, "--help");
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: plugboard ${command}`));
    },
    120_000,
  );

  it("prints one line and no stack trace for bad input", async () => {
    const { code, stderr } = await plugboard("run", "wether.get_forecast", "--cwd", workspace.root);
    expect(code).toBe(1);
    expect(stderr).toBe('plugboard run: unknown integration "wether". Did you mean "weather"?\n');
    const flag = await plugboard("list", "--colour");
    expect(flag.code).toBe(2);
    expect(flag.stderr.trim().split("\n")).toHaveLength(1);
    expect(flag.stderr).not.toMatch(/^\s+at /m);
  }, 120_000);

  it("starts the playground with `dev`, prints its URL and stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", entry, "dev", "--port", "0", "--cwd", workspace.root],
      { env: { ...process.env, NO_COLOR: "1" } },
    );
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    await expect.poll(() => stdout, { timeout: 20_000 }).toMatch(/http:\/\/127\.0\.0\.1:\d+\//);
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout)?.[0] ?? "";
    expect(stdout).toBe(`Plugboard playground: ${url}\n`);
    const registry = (await (await fetch(new URL("/api/integrations", url))).json()) as {
      integrations: Array<{ name: string }>;
    };
    expect(registry.integrations.map((integration) => integration.name)).toEqual([
      "notes",
      "weather",
    ]);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  }, 120_000);
});
