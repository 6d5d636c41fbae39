import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { codegenCommand } from "../../src/commands/codegen.ts";
import { watchIntegrations } from "../../src/watch.ts";
import { capture } from "../capture.ts";
import { fixturesDir, workspace } from "../codegen-workspace.ts";

let root: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir: root, cleanup } = workspace());
  for (const name of ["notes", "shapes"]) {
    cpSync(join(fixturesDir, name, "config.json"), join(root, "integrations", name, "config.json"));
  }
});
afterEach(() => {
  cleanup();
});

const integrations = () => join(root, "integrations");

describe("plugboard codegen", () => {
  it("prints usage with --help", async () => {
    const result = await capture(codegenCommand, ["--help"]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain("plugboard codegen [dir…] [--check] [--watch]");
  });

  it("generates a folder of integrations with a summary line, then finds them unchanged", async () => {
    const first = await capture(codegenCommand, [integrations()]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /2 integrations generated \(\d+ files written\), 0 unchanged in \d+\.\ds/,
    );
    expect(first.stdout).not.toContain("\x1b[");
    expect(existsSync(join(integrations(), "notes/src/generated/contract.gen.ts"))).toBe(true);
    expect(existsSync(join(integrations(), "shapes/src/index.ts"))).toBe(true);
    // The shapes fixture has tolerated oddities: warned with their pointers.
    expect(first.stderr).toContain("legacy_required/required");
    const second = await capture(codegenCommand, [integrations()]);
    expect(second.stdout).toMatch(/0 integrations generated \(0 files written\), 2 unchanged/);
  });

  it("--check changes nothing and lists every stale or missing file", async () => {
    await capture(codegenCommand, [join(integrations(), "notes")]);
    const types = join(integrations(), "notes/src/generated/types.gen.ts");
    writeFileSync(types, "// tampered\n");
    const result = await capture(codegenCommand, ["--check", integrations()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`stale: ${types}`);
    expect(result.stderr).toContain(join(integrations(), "shapes/src/generated/config.gen.ts"));
    expect(result.stdout).toMatch(/\d+ generated files stale or missing/);
    expect(readFileSync(types, "utf8")).toBe("// tampered\n");
    expect(existsSync(join(integrations(), "shapes/src"))).toBe(false);
    await capture(codegenCommand, [integrations()]);
    expect(await capture(codegenCommand, ["--check", integrations()])).toMatchObject({ code: 0 });
  });

  it("reports a removed action's validators chunk with --check and deletes it on regenerating", async () => {
    const notes = join(integrations(), "notes");
    await capture(codegenCommand, [notes]);
    const chunk = join(notes, "src/generated/actions/delete_note.gen.js");
    expect(existsSync(chunk)).toBe(true);
    const config = JSON.parse(readFileSync(join(notes, "config.json"), "utf8"));
    delete config.actions.delete_note;
    writeFileSync(join(notes, "config.json"), JSON.stringify(config, null, 2));
    const check = await capture(codegenCommand, ["--check", notes]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(chunk);
    expect(existsSync(chunk)).toBe(true);
    expect(await capture(codegenCommand, [notes])).toMatchObject({ code: 0 });
    expect(existsSync(chunk)).toBe(false);
    expect(existsSync(chunk.replace(/\.js$/, ".d.ts"))).toBe(false);
    expect(existsSync(join(notes, "src/generated/actions/create_note.gen.js"))).toBe(true);
    expect(await capture(codegenCommand, ["--check", notes])).toMatchObject({ code: 0 });
  });

  it("keeps a broken integration's files, still generates the others, and exits 1", async () => {
    await capture(codegenCommand, [integrations()]);
    const notes = join(integrations(), "notes");
    const contract = readFileSync(join(notes, "src/generated/contract.gen.ts"), "utf8");
    writeFileSync(join(notes, "config.json"), '{ "name": "notes", ');
    const shapesConfig = join(integrations(), "shapes/config.json");
    writeFileSync(
      shapesConfig,
      readFileSync(shapesConfig, "utf8").replace("Inputs of every shape.", "Changed."),
    );
    const result = await capture(codegenCommand, [integrations()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/notes\/config\.json:1:\d+: invalid JSON/);
    expect(result.stderr).toContain("previous generated files left untouched");
    expect(result.stdout, result.stdout + result.stderr).toContain("1 integration generated");
    expect(result.stdout).toContain("1 failed");
    expect(readFileSync(join(notes, "src/generated/contract.gen.ts"), "utf8")).toBe(contract);
    expect(
      // An action's description is documented on its entry of the Actions map.
      readFileSync(join(integrations(), "shapes/src/generated/types.gen.ts"), "utf8"),
    ).toContain("Changed.");
  });

  it("refuses a folder with no integration and bad flags", async () => {
    const none = await capture(codegenCommand, [join(root, "nowhere")]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain("no config.json");
    expect((await capture(codegenCommand, ["--bogus"])).code).toBe(2);
  });

  it("--watch regenerates when a config.json is saved", async () => {
    const notes = join(integrations(), "notes");
    await capture(codegenCommand, [notes]);
    const stop = new AbortController();
    const watching = capture(() => watchIntegrations([notes], stop.signal), []);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const config = join(notes, "config.json");
    writeFileSync(
      config,
      readFileSync(config, "utf8").replace("Deletes a note for good.", "Deletes a note (watched)."),
    );
    const types = join(notes, "src/generated/types.gen.ts");
    const deadline = Date.now() + 10_000;
    while (!readFileSync(types, "utf8").includes("(watched)") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    stop.abort();
    const result = await watching;
    expect(readFileSync(types, "utf8")).toContain("(watched)");
    expect(result.code).toBe(0);
    expect(result.stdout, result.stdout + result.stderr).toContain("1 integration generated");
  }, 20_000);
});
