import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { processIntegration } from "../../src/process-integration.ts";
import { fixturesDir, workspace } from "./helpers.ts";

const killer = fileURLToPath(new URL("./kill-at-rename.ts", import.meta.url));

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = workspace());
  process.env.PLUGBOARD_CODEGEN_CACHE = join(dir, ".cache");
});
afterEach(() => {
  delete process.env.PLUGBOARD_CODEGEN_CACHE;
  cleanup();
});

/** Every file under `root` with its contents, or `undefined` when `root` does not exist. */
function tree(root: string): Record<string, string> | undefined {
  if (!existsSync(root)) return undefined;
  const out: Record<string, string> = {};
  for (const name of readdirSync(root, { recursive: true, encoding: "utf8" }).sort()) {
    const path = join(root, name);
    if (statSync(path).isFile()) out[name] = readFileSync(path, "utf8");
  }
  return out;
}

/** A config whose change touches many generated files: types, config and every action's validators. */
function changedConfig(text: string): string {
  const config = JSON.parse(text);
  config.description = "Changed.";
  const actions = Object.values(config.actions) as Array<{
    input_schema: { properties?: Record<string, unknown> };
  }>;
  for (const action of actions) {
    action.input_schema.properties = {
      ...action.input_schema.properties,
      added: { type: "string", maxLength: 7 },
    };
  }
  return JSON.stringify(config, null, 2);
}

describe("codegen's write is all or nothing across an integration's files", () => {
  // Rename 1 retires the old folder, 2 puts the new one in place, 3 records freshness: the old
  // code renamed the changed files one by one, so a kill at 2 or 3 left a mix.
  it.each([1, 2, 3])(
    "a kill at rename %i leaves src/generated wholly old, wholly new or absent; the next run completes and removes every temp",
    (killAt) => {
      const project = join(dir, `p${killAt}`);
      cpSync(join(fixturesDir, "notes"), project, { recursive: true });
      const first = processIntegration(project);
      expect(first.status).toBe("written");
      const before = tree(join(project, "src/generated"));
      const configPath = join(project, "config.json");
      writeFileSync(configPath, changedConfig(readFileSync(configPath, "utf8")));
      // The new set, generated undisturbed in another folder.
      const reference = join(dir, `reference${killAt}`);
      cpSync(project, reference, { recursive: true });
      processIntegration(reference);
      const expected = tree(join(reference, "src/generated"));
      expect(expected).not.toEqual(before);

      const killed = spawnSync(process.execPath, ["--import", "tsx", killer, project], {
        env: { ...process.env, KILL_AT_RENAME: String(killAt) },
        encoding: "utf8",
      });
      expect(killed.signal).toBe("SIGKILL");
      const during = tree(join(project, "src/generated"));

      // What the killed run left is one of the three whole states, never a mix.
      expect([before, expected, undefined]).toContainEqual(during);
      expect(processIntegration(project).status).not.toBe("failed");
      expect(tree(join(project, "src/generated"))).toEqual(expected);
      const leftovers = readdirSync(join(project, "src"), {
        recursive: true,
        encoding: "utf8",
      }).filter((name) => name.endsWith(".tmp") || /(^|\/)\.generated-/.test(name));
      expect(leftovers).toEqual([]);
    },
    60_000,
  );

  it("removes stale *.tmp files of a killed run even when nothing else changed", () => {
    const project = join(dir, "stale");
    cpSync(join(fixturesDir, "notes"), project, { recursive: true });
    processIntegration(project);
    const before = tree(join(project, "src"));
    writeFileSync(join(project, "src/generated/types.gen.ts.4242.tmp"), "half");
    cpSync(join(project, "src/generated"), join(project, "src/.generated-4242.tmp"), {
      recursive: true,
    });
    // The freshness record says "fresh": the leftovers go anyway.
    expect(processIntegration(project).status).toBe("unchanged");
    expect(tree(join(project, "src"))).toEqual(before);
  });
});
