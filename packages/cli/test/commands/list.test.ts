import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCommand } from "../../src/commands/list.ts";
import { capture } from "../capture.ts";
import { createFixtureWorkspace } from "../fixtures/workspace.ts";

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
}, 60_000);

afterAll(async () => {
  await workspace?.remove();
});

describe("plugboard list", () => {
  it("lists every action and trigger under its qualified name, as JSON", async () => {
    const { code, stdout } = await capture(listCommand, ["--json", "--cwd", workspace.root]);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(rows.map((row) => [row.name, row.kind])).toEqual([
      ["notes.create_note", "action"],
      ["notes.archive_note", "action"],
      ["notes.new_notes", "polling_trigger"],
      ["weather.get_forecast", "action"],
    ]);
    expect(rows[0]).toEqual({
      name: "notes.create_note",
      integration: "notes",
      action: "create_note",
      kind: "action",
      display_name: "Create note",
      description: "Creates a note.",
    });
  });

  it("prints an aligned table without colour when not on a terminal", async () => {
    const { stdout } = await capture(listCommand, [
      "--cwd",
      path.join(workspace.root, "integrations"),
    ]);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toEqual([
      "notes.create_note     Creates a note.",
      "notes.archive_note    Archives a note; always refused by this test API.",
      "notes.new_notes       Notes created since the last poll. [trigger]",
      "weather.get_forecast  Fetches the forecast for a city.",
    ]);
  });

  it("reports an unreadable config on stderr and exits 1, still listing the rest", async () => {
    const broken = path.join(workspace.root, "integrations", "weather", "config.json");
    await writeFile(broken, "{ nope");
    const { code, stdout, stderr } = await capture(listCommand, ["--cwd", workspace.root]);
    expect(code).toBe(1);
    expect(stdout).toContain("notes.create_note");
    // file:line:column of the syntax error, not a byte position.
    expect(stderr).toContain(
      `skipped ${path.relative(process.cwd(), broken)}:1:3: invalid JSON: unexpected "n"`,
    );
  });

  it("fails with one line outside a workspace", async () => {
    const { code, stderr } = await capture(listCommand, ["--cwd", "/"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^plugboard list: no pnpm-workspace.yaml in \/ or above/);
  });
});
