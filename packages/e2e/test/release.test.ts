import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pnpm, root, run, workspacePackages } from "./workspace.ts";

const changesetBin = join(root, "node_modules", "@changesets", "cli", "bin.js");
const integrations = workspacePackages().filter((p) =>
  p.name.startsWith("@plugboard/integration-"),
);

/** Copies the workspace's manifests and changeset config into a scratch folder, outside git. */
function scratchWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "plugboard-release-"));
  for (const file of ["package.json", "pnpm-workspace.yaml", ".changeset/config.json"]) {
    cpSync(join(root, file), join(dir, file));
  }
  for (const pkg of workspacePackages()) {
    const target = join(dir, relative(root, pkg.dir));
    mkdirSync(target, { recursive: true });
    cpSync(join(pkg.dir, "package.json"), join(target, "package.json"));
  }
  return dir;
}

function versions(dir: string): Map<string, string> {
  return new Map(
    workspacePackages().map((p) => {
      const manifest = JSON.parse(
        readFileSync(join(dir, relative(root, p.dir), "package.json"), "utf8"),
      );
      return [p.name, manifest.version as string];
    }),
  );
}

function addChangeset(
  dir: string,
  id: string,
  bumps: Record<string, string>,
  summary: string,
): void {
  const front = Object.entries(bumps)
    .map(([name, bump]) => `"${name}": ${bump}`)
    .join("\n");
  writeFileSync(join(dir, ".changeset", `${id}.md`), `---\n${front}\n---\n\n${summary}\n`);
}

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("release flow (changesets, offline)", () => {
  it("a changeset for one integration bumps exactly that package and writes its CHANGELOG", async () => {
    const target = integrations[0];
    expect(target, "no integration package in integrations/").toBeDefined();
    if (!target) return;
    const dir = scratchWorkspace();
    scratch.push(dir);
    const before = versions(dir);
    addChangeset(dir, "one-integration", { [target.name]: "minor" }, "Add a new action.");

    await run(["node", changesetBin, "version"], { cwd: dir });

    const after = versions(dir);
    for (const [name, version] of before) {
      if (name === target.name) {
        const [major, minor] = version.split(".").map(Number);
        expect(after.get(name)).toBe(`${major}.${(minor ?? 0) + 1}.0`);
      } else {
        expect(after.get(name), name).toBe(version);
      }
    }
    const changelog = readFileSync(join(dir, relative(root, target.dir), "CHANGELOG.md"), "utf8");
    expect(changelog).toContain("Add a new action.");
    expect(existsSync(join(dir, "packages", "sdk", "CHANGELOG.md"))).toBe(false);
    expect(existsSync(join(dir, ".changeset", "one-integration.md"))).toBe(false);
  });

  it("an SDK minor bumps the SDK and never forces a major on an integration", async () => {
    const dir = scratchWorkspace();
    scratch.push(dir);
    const before = versions(dir);
    addChangeset(dir, "sdk-minor", { "@plugboard/sdk": "minor" }, "A new context option.");

    await run(["node", changesetBin, "version"], { cwd: dir });

    const after = versions(dir);
    const [sdkMajor, sdkMinor] = (before.get("@plugboard/sdk") ?? "").split(".").map(Number);
    expect(after.get("@plugboard/sdk")).toBe(`${sdkMajor}.${(sdkMinor ?? 0) + 1}.0`);
    expect(integrations.length).toBeGreaterThan(0);
    for (const pkg of integrations) {
      const [oldMajor, oldMinor] = (before.get(pkg.name) ?? "").split(".").map(Number);
      const [newMajor, newMinor] = (after.get(pkg.name) ?? "").split(".").map(Number);
      // At most a patch: same major, and for 0.x (where a minor is breaking) the same minor too.
      expect(newMajor, pkg.name).toBe(oldMajor);
      expect(newMinor, pkg.name).toBe(oldMinor);
    }
  });

  it("applies the repository's own pending changesets, bumping every package they name", async () => {
    const dir = scratchWorkspace();
    scratch.push(dir);
    const pending = readdirSync(join(root, ".changeset")).filter(
      (file) => file.endsWith(".md") && file !== "README.md",
    );
    const named = new Set<string>();
    for (const file of pending) {
      const text = readFileSync(join(root, ".changeset", file), "utf8");
      const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
      expect(front, `${file}: front matter "---" / "<package>": <bump> / "---"`).not.toBeNull();
      for (const match of (front?.[1] ?? "").matchAll(/^"([^"]+)": (major|minor|patch)$/gm)) {
        named.add(match[1] as string);
      }
      cpSync(join(root, ".changeset", file), join(dir, ".changeset", file));
    }
    const before = versions(dir);

    await run(["node", changesetBin, "version"], { cwd: dir });

    const after = versions(dir);
    for (const name of named) expect(after.get(name), name).not.toBe(before.get(name));
    for (const file of pending) expect(existsSync(join(dir, ".changeset", file)), file).toBe(false);
  });

  it("publishes every public package in a dry run, with workspace ranges resolved", async () => {
    const out = await run(
      [...pnpm, "-r", "publish", "--dry-run", "--no-git-checks", "--access", "public"],
      { cwd: root, env: { npm_config_loglevel: "notice" }, withStderr: true },
    );
    const publishable = workspacePackages().filter((p) => !p.private);
    for (const pkg of publishable) {
      expect(out, pkg.name).toContain(`${pkg.name}@${pkg.version}`);
    }
    for (const pkg of workspacePackages().filter((p) => p.private)) {
      expect(out, pkg.name).not.toContain(`+ ${pkg.name}@`);
    }
  });
});
