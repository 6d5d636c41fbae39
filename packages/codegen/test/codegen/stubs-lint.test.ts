import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.ts";
import { readConfig } from "../../src/read-config.ts";
import { corpusDir, fixture, packageDir, workspace, writeAll } from "./helpers.ts";

const root = resolve(packageDir, "../..");
const biome = join(root, "node_modules/.bin/biome");
const { dir, cleanup } = workspace();
afterAll(cleanup);

describe("person-owned files", () => {
  it("are created already formatted and lint-clean (stubs and src/index.ts)", () => {
    const configs = [fixture("notes"), fixture("shapes")];
    if (existsSync(corpusDir)) {
      for (const name of readdirSync(corpusDir).filter((n) =>
        existsSync(join(corpusDir, n, "config.json")),
      )) {
        configs.push(readConfig(join(corpusDir, name, "config.json")));
      }
    }
    for (const [i, config] of configs.entries()) {
      writeAll(
        join(dir, `i${i}`),
        generate(config).filter((file) => file.kind === "stub"),
      );
    }
    const run = spawnSync(
      biome,
      ["check", `--config-path=${join(root, "biome.json")}`, "--max-diagnostics=5", dir],
      {
        encoding: "utf8",
      },
    );
    expect(`${run.stdout}${run.stderr}`).toMatch(/Checked \d+ files/);
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  }, 60_000);
});
