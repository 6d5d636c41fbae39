import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "@plugboard/codegen";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { processIntegration } from "../src/process-integration.ts";
import { fixture, fixturesDir, workspace } from "./codegen-workspace.ts";

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = workspace());
  cpSync(join(fixturesDir, "notes/config.json"), join(dir, "config.json"));
});
afterEach(() => {
  cleanup();
});

function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })) {
    const path = join(root, "src", file);
    if (statSync(path).isFile()) out[file] = readFileSync(path, "utf8");
  }
  return out;
}

describe("generate()", () => {
  it("is deterministic and does not mutate its input", () => {
    const config = fixture("shapes");
    const before = structuredClone(config);
    const first = generate(config);
    expect(generate(config)).toEqual(first);
    expect(generate(structuredClone(config))).toEqual(first);
    expect(config).toEqual(before);
  });
});

describe("writing an integration", () => {
  it("writes every file once, then nothing on a re-run", () => {
    const first = processIntegration(dir);
    expect(first.status).toBe("written");
    expect(first.files).toContain("src/generated/types.gen.ts");
    expect(first.files).toContain("src/actions/create_note.ts");
    expect(first.files).toContain("src/index.ts");
    const tree = snapshotTree(dir);
    const second = processIntegration(dir);
    expect(second).toMatchObject({ status: "unchanged", files: [] });
    // Every run compares against the bytes on disk: a third run is as quiet as the second.
    expect(processIntegration(dir)).toMatchObject({ status: "unchanged", files: [] });
    expect(snapshotTree(dir)).toEqual(tree);
  });

  it("never touches an edited stub or src/index.ts, and recreates a deleted stub", () => {
    processIntegration(dir);
    const stub = join(dir, "src/actions/create_note.ts");
    const edited = `${readFileSync(stub, "utf8")}\n// a person's edit\n`;
    writeFileSync(stub, edited);
    writeFileSync(join(dir, "src/index.ts"), "export const integration = 1;\n");
    const config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
    config.actions.create_note.description = "Creates a note (edited).";
    writeFileSync(join(dir, "config.json"), JSON.stringify(config, null, 2));
    const outcome = processIntegration(dir);
    expect(outcome.status).toBe("written");
    expect(outcome.files).not.toContain("src/actions/create_note.ts");
    expect(readFileSync(stub, "utf8")).toBe(edited);
    expect(readFileSync(join(dir, "src/index.ts"), "utf8")).toBe("export const integration = 1;\n");
    expect(readFileSync(join(dir, "src/generated/types.gen.ts"), "utf8")).toContain("(edited)");
    // A deleted stub is not a stale generated file, but a normal run creates it again.
    rmSync(stub);
    expect(processIntegration(dir, { check: true })).toMatchObject({
      status: "unchanged",
      files: [],
    });
    expect(processIntegration(dir).files).toEqual(["src/actions/create_note.ts"]);
    expect(readFileSync(stub, "utf8")).toContain("not implemented yet");
  });

  it("reports a hand-edited generated file as stale under check, and restores it otherwise", () => {
    processIntegration(dir);
    const types = join(dir, "src/generated/types.gen.ts");
    const original = readFileSync(types, "utf8");
    writeFileSync(types, `${original}// tampered\n`);
    expect(processIntegration(dir, { check: true })).toMatchObject({
      status: "stale",
      files: ["src/generated/types.gen.ts"],
    });
    expect(readFileSync(types, "utf8")).toContain("// tampered");
    expect(processIntegration(dir).files).toEqual(["src/generated/types.gen.ts"]);
    expect(readFileSync(types, "utf8")).toBe(original);
  });

  it("leaves the previous files untouched when the new config is invalid", () => {
    processIntegration(dir);
    const tree = snapshotTree(dir);
    writeFileSync(
      join(dir, "config.json"),
      readFileSync(join(dir, "config.json"), "utf8").replace('"integer"', '"int"'),
    );
    const outcome = processIntegration(dir);
    expect(outcome.status).toBe("failed");
    expect(outcome.error?.message).toContain(
      "#/actions/create_note/input_schema/properties/folder_id/type",
    );
    expect(snapshotTree(dir)).toEqual(tree);
  });

  it("writes nothing at all when one file cannot be written", () => {
    processIntegration(dir);
    // A file where the triggers folder should be: the trigger stub cannot be written.
    rmSync(join(dir, "src/triggers"), { recursive: true });
    writeFileSync(join(dir, "src/triggers"), "not a folder\n");
    const tree = snapshotTree(dir);
    const config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
    config.description = "Changed.";
    writeFileSync(join(dir, "config.json"), JSON.stringify(config));
    const outcome = processIntegration(dir);
    expect(outcome.status).toBe("failed");
    expect(outcome.error?.message).toContain("could not write");
    expect(snapshotTree(dir)).toEqual(tree);
    expect(readdirSync(join(dir, "src/generated")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
