import { execFile } from "node:child_process";
import {
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initCommand } from "../../src/commands/init.ts";
import { capture } from "../capture.ts";

const exec = promisify(execFile);
const require = createRequire(import.meta.url);
const packageDir = fileURLToPath(new URL("../../", import.meta.url));
const repoRoot = path.resolve(packageDir, "../..");

let root = "";

// A workspace skeleton outside the repository (so no test runner picks up the scaffolded
// tests by accident) whose node_modules are this package's, and whose packages/sdk is ours.
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "plugboard-init-"));
  await writeFile(path.join(root, "pnpm-workspace.yaml"), "packages:\n  - integrations/*\n");
  await copyFile(path.join(repoRoot, "tsconfig.base.json"), path.join(root, "tsconfig.base.json"));
  await symlink(path.join(packageDir, "node_modules"), path.join(root, "node_modules"));
  await mkdir(path.join(root, "packages"));
  await symlink(path.join(repoRoot, "packages", "sdk"), path.join(root, "packages", "sdk"));
  await symlink(path.join(repoRoot, "packages", "testing"), path.join(root, "packages", "testing"));
  // The workspace's lint and format rules; the temporary folder is not a git repository.
  const biome = JSON.parse(await readFile(path.join(repoRoot, "biome.json"), "utf8"));
  biome.vcs = { enabled: false };
  await writeFile(path.join(root, "biome.json"), JSON.stringify(biome));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

function plainEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: "1", NO_COLOR: "1" };
  delete env.FORCE_COLOR;
  return env;
}

async function tool(bin: string, args: string[], cwd: string) {
  try {
    const { stdout } = await exec(process.execPath, [bin, ...args], {
      cwd,
      env: plainEnv(),
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

describe("plugboard init", () => {
  it.each(["custom", "platform", "none"] as const)(
    "scaffolds an integration with %s auth that type-checks and passes its tests",
    async (auth) => {
      const name = `demo-${auth}`;
      const { code, stdout, stderr } = await capture(initCommand, [
        name,
        "--auth",
        auth,
        "--cwd",
        root,
      ]);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(stdout).toContain(`(@plugboard/integration-${name}, auth: ${auth})`);
      const dir = path.join(root, "integrations", name);

      const config = JSON.parse(await readFile(path.join(dir, "config.json"), "utf8"));
      expect(Object.keys(config.actions)).toEqual(["get_item"]);
      expect(config.auth?.type).toBe(auth === "none" ? undefined : auth);
      const pkg = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"));
      expect(pkg.name).toBe(`@plugboard/integration-${name}`);
      expect(pkg.scripts.codegen).toBe("plugboard codegen .");
      expect(await readFile(path.join(dir, "README.md"), "utf8")).toContain("`get_item`");
      // The contract exports createIntegration, built by the SDK's typed builders.
      expect(await readFile(path.join(dir, "src/generated/contract.gen.ts"), "utf8")).toMatch(
        /export const \{[^}]*\bcreateIntegration\b[^}]*\} =\s+initIntegration</,
      );
      expect(await readlink(path.join(dir, "node_modules/@plugboard/sdk"))).toBe(
        "../../../../packages/sdk",
      );

      const tsc = await tool(require.resolve("typescript/bin/tsc"), ["-p", "tsconfig.json"], dir);
      expect(tsc.output).toBe("");
      expect(tsc.code).toBe(0);
      const vitest = await tool(
        path.join(path.dirname(require.resolve("vitest/package.json")), "vitest.mjs"),
        ["run"],
        dir,
      );
      expect(vitest.output).toMatch(/Tests\s+2 passed/);
      expect(vitest.code).toBe(0);
      // What init wrote already passes the workspace's lint and format, untouched.
      const biome = await tool(
        path.join(repoRoot, "node_modules/@biomejs/biome/bin/biome"),
        ["check", "--colors=off", `integrations/${name}`],
        root,
      );
      expect(biome.output).not.toMatch(/Found \d+ (error|warning)/);
      expect(biome.code).toBe(0);
      expect(await readFile(path.join(dir, "test/get_item.test.ts"), "utf8")).toContain(
        'import { type RecordingServer, startRecordingServer } from "@plugboard/testing";',
      );
    },
    120_000,
  );

  it("refuses an existing integration, a bad name and a bad auth kind, writing nothing", async () => {
    const again = await capture(initCommand, ["demo-none", "--cwd", root]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      "plugboard init: integrations/demo-none already exists: pick another name\n",
    );
    const badName = await capture(initCommand, ["Demo_X", "--cwd", root]);
    expect(badName.code).toBe(2);
    expect(badName.stderr).toContain('"Demo_X" is not a valid integration name');
    const badAuth = await capture(initCommand, ["demo-x", "--auth", "oauth", "--cwd", root]);
    expect(badAuth.stderr).toBe(
      "plugboard init: --auth oauth: expected one of none, platform, custom\n",
    );
    await expect(
      readFile(path.join(root, "integrations", "demo-x", "config.json")),
    ).rejects.toThrow();
  });

  it("leaves nothing behind when codegen fails", async () => {
    const { scaffoldIntegration } = await import("../../src/scaffold/scaffold.ts");
    await expect(
      scaffoldIntegration(root, "doomed", "none", async () => {
        throw new Error("codegen exploded");
      }),
    ).rejects.toThrow("codegen exploded");
    const { readdir } = await import("node:fs/promises");
    expect(
      (await readdir(path.join(root, "integrations"))).filter((n) => n.includes("doomed")),
    ).toEqual([]);
  });
});
