import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCommand } from "../../src/commands/list.ts";
import { runCommand } from "../../src/commands/run.ts";
import { capture } from "../capture.ts";
import { createFixtureWorkspace } from "../fixtures/workspace.ts";

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
  const broken = path.join(workspace.root, "integrations", "broken");
  await mkdir(broken, { recursive: true });
  await writeFile(path.join(broken, "config.json"), '{\n  "name": "broken",\n  "actions": {,\n}\n');
}, 60_000);

afterAll(async () => {
  await workspace?.remove();
});

describe("a broken config.json", () => {
  it("is reported with file:line:column by list", async () => {
    const { code, stderr } = await capture(listCommand, ["--cwd", workspace.root]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^plugboard list: skipped \S*integrations\/broken\/config\.json:3:15: invalid JSON: unexpected ","/m,
    );
  });

  it("is reported with file:line:column by run, not as an unknown integration", async () => {
    const { code, stderr } = await capture(runCommand, [
      "broken.anything",
      "--cwd",
      workspace.root,
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^plugboard run: \S*integrations\/broken\/config\.json:3:15: invalid JSON/,
    );
    expect(stderr).not.toContain("unknown integration");
  });
});

describe("stale generated code", () => {
  it("makes run say that config.json changed since codegen", async () => {
    const file = path.join(workspace.root, "integrations", "weather", "config.json");
    const config = JSON.parse(await readFile(file, "utf8"));
    config.actions.get_forecast.input_schema.properties.days = { type: "integer" };
    await writeFile(file, JSON.stringify(config, null, 2));
    const { stderr } = await capture(runCommand, [
      "weather.get_forecast",
      "--input",
      "{}",
      "--cwd",
      workspace.root,
    ]);
    expect(stderr).toMatch(
      /^warning: \S*integrations\/weather\/config\.json changed since codegen \(stale: src\/generated\/.*\); running the old code: run `plugboard codegen \S*integrations\/weather`$/m,
    );
  });
});

describe("the playground of plugboard dev", () => {
  it("shows a broken config.json with file:line:column and stale generated code", async () => {
    const { startPlayground } = await import("@plugboard/playground");
    const { staleWarning } = await import("../../src/run/stale-warning.ts");
    const playground = await startPlayground({ root: workspace.root, port: 0, staleWarning });
    try {
      const body = (await (await fetch(`${playground.url}api/integrations`)).json()) as {
        problems: string[];
        integrations: Array<{ name: string; stale: string | null }>;
      };
      expect(body.problems).toEqual([
        expect.stringMatching(/integrations\/broken\/config\.json:3:15: invalid JSON/),
      ]);
      const byName = Object.fromEntries(body.integrations.map((i) => [i.name, i.stale]));
      expect(byName.notes).toBeNull();
      expect(byName.weather).toMatch(/config\.json changed since codegen/);
    } finally {
      await playground.close();
    }
  });
});
