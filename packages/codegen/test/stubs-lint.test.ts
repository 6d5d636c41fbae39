import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../src/generate.ts";
import { readConfig } from "../src/read-config.ts";
import { corpusDir, fixture, packageDir, writeAll } from "./helpers.ts";

const root = resolve(packageDir, "../..");
const biome = join(root, "node_modules/.bin/biome");
// Biome only checks files under the folder of its configuration: lint inside the repository,
// in a git-ignored folder (hence --vcs-enabled=false) removed afterwards.
const dir = mkdtempSync(join(packageDir, "test/.lint-tmp-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("person-owned files", () => {
  it("are created already formatted and lint-clean (stubs and src/index.ts)", () => {
    const configs = [fixture("notes"), fixture("shapes")];
    const corpus = existsSync(corpusDir) ? readdirSync(corpusDir) : [];
    for (const name of corpus.filter((n) => existsSync(join(corpusDir, n, "config.json")))) {
      configs.push(readConfig(join(corpusDir, name, "config.json")));
    }
    for (const [i, config] of configs.entries()) {
      writeAll(
        join(dir, `i${i}`),
        generate(config).filter((file) => file.kind === "stub"),
      );
    }
    const args = [
      "check",
      "--vcs-enabled=false",
      "--error-on-warnings",
      "--max-diagnostics=5",
      dir,
    ];
    const run = spawnSync(biome, args, { cwd: root, encoding: "utf8" });
    expect(`${run.stdout}${run.stderr}`).toMatch(/Checked \d+ files/);
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  }, 60_000);
});
