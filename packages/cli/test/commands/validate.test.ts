import { execFileSync } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readmeCommand } from "../../src/commands/readme.ts";
import { validateCommand } from "../../src/commands/validate.ts";
import { capture } from "../capture.ts";
import { createFixtureWorkspace } from "../fixtures/workspace.ts";

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;
let notes = "";

function git(...args: string[]): string {
  return execFileSync(
    "git",
    ["-c", "user.name=Plugboard Test", "-c", "user.email=test@plugboard.invalid", ...args],
    { cwd: workspace.root, encoding: "utf8" },
  );
}

// biome-ignore lint/suspicious/noExplicitAny: edits arbitrary config.json paths; the assertions check the outcome.
type Config = Record<string, any>;

async function editConfig(change: (config: Config) => void): Promise<void> {
  const file = path.join(notes, "config.json");
  const config = JSON.parse(await readFile(file, "utf8"));
  change(config);
  await writeFile(file, JSON.stringify(config, null, 2));
}

async function validate(...args: string[]) {
  const result = await capture(validateCommand, [...args, "--cwd", workspace.root]);
  return { ...result, report: args.includes("--json") ? JSON.parse(result.stdout) : undefined };
}

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
  notes = path.join(workspace.root, "integrations", "notes");
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "initial");
}, 60_000);

afterEach(() => {
  // Each test edits the work tree of the throwaway repository; start the next one clean.
  git("checkout", "-q", "--", ".");
  git("clean", "-fdq");
});

afterAll(async () => {
  await workspace?.remove();
});

describe("plugboard validate", () => {
  it("passes a clean workspace", async () => {
    const { code, stdout } = await validate();
    expect(stdout).toContain("2 integration(s) checked, 0 with errors");
    expect(code).toBe(0);
  });

  it("reports the bump a config change needs against the pending changesets", async () => {
    await editConfig((config) => {
      config.actions.create_note.input_schema.properties.priority.enum = ["low", "high"];
    });
    const missing = await validate("integrations/notes", "--json");
    expect(missing.code).toBe(1);
    const [report] = missing.report.integrations;
    expect(report.version).toMatchObject({
      base: expect.stringMatching(/^[0-9a-f]{40}$/),
      packageName: "@plugboard/integration-notes",
      required: "major",
      declared: "none",
      changes: [
        {
          bump: "major",
          pointer: "/actions/create_note/input_schema/properties/priority/enum",
          message: 'enum values removed: "normal"',
        },
      ],
    });
    expect(report.findings).toContainEqual({
      level: "error",
      check: "version",
      message: expect.stringContaining(
        "need a major bump of @plugboard/integration-notes, but no pending changeset declares a bump",
      ),
    });

    const changeset = path.join(workspace.root, ".changeset", "brave-notes.md");
    await mkdir(path.dirname(changeset), { recursive: true });
    await writeFile(
      changeset,
      '---\n"@plugboard/integration-notes": minor\n---\n\nNarrow priority.\n',
    );
    const tooSmall = await validate("integrations/notes", "--json");
    expect(tooSmall.report.integrations[0].version.declared).toBe("minor");
    expect(tooSmall.code).toBe(1);

    await writeFile(
      changeset,
      '---\n"@plugboard/integration-notes": major\n---\n\nNarrow priority.\n',
    );
    const enough = await validate("integrations/notes", "--json");
    expect(enough.code).toBe(0);
    expect(enough.report.integrations[0].version.changesets).toEqual([".changeset/brave-notes.md"]);
  });

  it("diffs against --base and treats a description change as patch", async () => {
    await editConfig((config) => {
      config.actions.create_note.description = "Creates a note, nicely.";
    });
    git("commit", "-q", "-am", "describe");
    const head = await validate("integrations/notes", "--json", "--base", "HEAD");
    expect(head.report.integrations[0].version.required).toBe("none");
    const previous = await validate("integrations/notes", "--json", "--base", "HEAD~1");
    expect(previous.report.integrations[0].version.required).toBe("patch");
    expect(previous.code).toBe(1);
    const bad = await validate("--base", "no-such-rev");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("plugboard validate: --base no-such-rev: no such git revision\n");
  });

  it("finds missing and orphaned handlers, bad names and a README that misses an action", async () => {
    await editConfig((config) => {
      config.actions.deleteNote = { ...config.actions.archive_note };
    });
    await rm(path.join(notes, "src", "actions", "archive_note.ts"));
    await writeFile(path.join(notes, "src", "actions", "old_thing.ts"), "export {};\n");
    const { code, stdout } = await validate("integrations/notes", "--base", "HEAD");
    expect(code).toBe(1);
    expect(stdout).toContain(
      'config.json#/actions/deleteNote: action names must be snake_case (e.g. "delete_note")',
    );
    expect(stdout).toContain('action "archive_note" has no handler src/actions/archive_note.ts');
    expect(stdout).toContain('src/actions/old_thing.ts has no action "old_thing" in config.json');
    expect(stdout).toContain('README.md does not list "deleteNote"');
    expect(stdout).toContain('minor /actions/deleteNote: action "deleteNote" added');
  });

  it("reports an invalid JSON Schema and a structurally broken config with its location", async () => {
    await editConfig((config) => {
      config.actions.create_note.input_schema.properties.count.minimum = "one";
    });
    const schema = await validate("integrations/notes", "--json");
    expect(schema.report.integrations[0].findings).toContainEqual({
      level: "error",
      check: "schemas",
      message: expect.stringContaining(
        "config.json#/actions/create_note/input_schema/properties/count/minimum",
      ),
    });
    await writeFile(path.join(notes, "config.json"), '{\n  "name": "notes",\n  "actions": 3\n}\n');
    const broken = await validate("integrations/notes", "--json");
    const [finding] = broken.report.integrations[0].findings;
    expect(finding.check).toBe("config");
    expect(finding.message).toContain("config.json");
    expect(broken.code).toBe(1);
  });

  it("warns about stubs still throwing, and fails on config.json's version drifting from package.json's", async () => {
    await writeFile(
      path.join(notes, "src/actions/archive_note.ts"),
      `export const archiveNote = () => { throw new Error("Action archive_note is not implemented yet: write it in src/actions/archive_note.ts."); };\n`,
    );
    await writeFile(
      path.join(notes, "package.json"),
      '{ "name": "@plugboard/integration-notes", "version": "1.1.0", "type": "module" }\n',
    );
    const { code, report } = await validate("--json");
    expect(code).toBe(1);
    const findings = report.integrations.find((i: { name: string }) => i.name === "notes").findings;
    expect(findings).toContainEqual({
      level: "warning",
      check: "handlers",
      message: expect.stringMatching(
        /^src\/actions\/archive_note\.ts still throws "not implemented yet"/,
      ),
    });
    expect(findings).toContainEqual({
      level: "error",
      check: "version",
      message: expect.stringContaining(
        'config.json#/version is "1.0.0" but package.json\'s is "1.1.0": set config.json\'s "version" to "1.1.0"',
      ),
    });
  });

  it("generates the README's action tables with plugboard readme, and validate notices when they go stale", async () => {
    const readme = path.join(notes, "README.md");
    const first = await capture(readmeCommand, ["integrations/notes", "--cwd", workspace.root]);
    expect(first.code).toBe(0);
    const text = await readFile(readme, "utf8");
    expect(text).toMatch(/^# Notes\n/);
    // An earlier test committed a new description; the table follows whatever config.json says.
    const config = JSON.parse(await readFile(path.join(notes, "config.json"), "utf8"));
    expect(text).toMatch(
      new RegExp(`\\| \`create_note\` +\\| ${config.actions.create_note.description} +\\|`),
    );
    expect(text).toMatch(/\| `new_notes` +\| 5m +\| Notes created since the last poll\. \|/);
    expect(text).toContain("Supports the connected-account lookup.");
    // Idempotent, and --check agrees.
    const again = await capture(readmeCommand, [
      "integrations/notes",
      "--check",
      "--cwd",
      workspace.root,
    ]);
    expect(again.code).toBe(0);
    expect(await readFile(readme, "utf8")).toBe(text);

    await editConfig((config) => {
      config.actions.create_note.description = "Creates a note, now with tags.";
    });
    const check = await capture(readmeCommand, [
      "integrations/notes",
      "--check",
      "--cwd",
      workspace.root,
    ]);
    expect(check.code).toBe(1);
    const { report } = await validate("--json");
    const findings = report.integrations.find((i: { name: string }) => i.name === "notes").findings;
    expect(findings).toContainEqual({
      level: "warning",
      check: "readme",
      message: "README.md's generated action tables are out of date: run `plugboard readme`",
    });
    await capture(readmeCommand, ["integrations/notes", "--cwd", workspace.root]);
    const updated = await readFile(readme, "utf8");
    expect(updated).toMatch(/\| `create_note` +\| Creates a note, now with tags\. +\|/);
    expect(updated.match(/plugboard:actions:start/g)).toHaveLength(1);
  });
});
