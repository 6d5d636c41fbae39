import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, run, workspacePackages } from "./workspace.ts";

// Turbo's task hashes decide what re-runs. A dry run over a git copy of the workspace shows,
// without running anything, which tasks an edit to one integration's config.json invalidates.
const turbo = join(root, "node_modules", ".bin", "turbo");
const tasks = ["codegen", "build", "typecheck", "test"];
let copy = "";

interface DryTask {
  taskId: string;
  package: string;
  hash: string;
}

async function hashes(): Promise<Map<string, string>> {
  const out = await run([turbo, "run", ...tasks, "--dry=json"], {
    cwd: copy,
    env: { TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
  });
  const plan = JSON.parse(out.slice(out.indexOf("{"))) as { tasks: DryTask[] };
  return new Map(plan.tasks.map((t) => [t.taskId, t.hash]));
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), "plugboard-turbo-"));
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: root })
    .toString()
    .trim()
    .split("\n");
  for (const file of files) {
    if (!existsSync(join(root, file))) continue; // deleted in the work tree, not yet committed
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  const git = (...args: string[]) => execFileSync("git", args, { cwd: copy, stdio: "ignore" });
  git("init", "-q");
  git("add", "-A");
  git(
    "-c",
    "user.name=plugboard",
    "-c",
    "user.email=ci@plugboard.invalid",
    "commit",
    "-qm",
    "copy",
  );
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe("turbo task graph", () => {
  it("editing one integration's config.json invalidates that integration's tasks only", async () => {
    const integrations = workspacePackages().filter((p) =>
      p.name.startsWith("@plugboard/integration-"),
    );
    const target = integrations.find((p) => p.name.endsWith("-hackernews")) ?? integrations[0];
    if (!target) throw new Error("no integration in integrations/");
    const before = await hashes();
    const same = await hashes();
    expect(same).toEqual(before);

    const configPath = join(copy, target.dir.slice(root.length + 1), "config.json");
    const config = JSON.parse(readFileSync(configPath, "utf8"));
    config.description = `${config.description} (edited)`;
    writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
    const after = await hashes();

    const changed = [...after].filter(([id, hash]) => before.get(id) !== hash).map(([id]) => id);
    for (const task of tasks) expect(changed).toContain(`${target.name}#${task}`);
    for (const other of workspacePackages()) {
      if (other.name === target.name || other.name === "@plugboard/e2e") continue;
      expect(
        changed.filter((id) => id.startsWith(`${other.name}#`)),
        other.name,
      ).toEqual([]);
    }
  });
});
