import { writeFile } from "node:fs/promises";
import path from "node:path";
import { startRecordingServer } from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/run.ts";
import { capture } from "../capture.ts";
import { createFixtureWorkspace } from "../fixtures/workspace.ts";

/** The notes API: every request is recorded and answered 201 with the posted JSON and an id. */
async function startNotesApi() {
  const api = await startRecordingServer(
    {},
    {
      fallback: (request) => ({
        status: 201,
        body: { id: `note-${api.requests.length}`, ...(request.body as object) },
      }),
    },
  );
  return api;
}

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;
let api: Awaited<ReturnType<typeof startNotesApi>>;
let authFile = "";

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
  api = await startNotesApi();
  authFile = path.join(workspace.root, "auth.json");
  await writeFile(
    authFile,
    JSON.stringify({ auth_type: "Custom", credentials: { api_key: "sk-secret-123" } }),
  );
}, 60_000);

afterAll(async () => {
  await api?.close();
  await workspace?.remove();
});

function run(args: string[], options: { tty?: boolean } = {}) {
  return capture(
    runCommand,
    [...args, "--cwd", workspace.root, "--origin", `https://api.notes.test=${api.origin}`],
    options,
  );
}

describe("plugboard run", () => {
  it("runs an action against the origin override and prints the envelope as JSON", async () => {
    const before = api.requests.length;
    const { code, stdout, stderr } = await run([
      "notes.create_note",
      "--input",
      '{"title": "Buy milk", "priority": "high"}',
      "--auth-file",
      authFile,
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const envelope = JSON.parse(stdout);
    expect(envelope).toMatchObject({
      type: "action",
      result: { data: { note: { id: `note-${before + 1}`, title: "Buy milk", priority: "high" } } },
    });
    const request = api.requests.at(-1);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/notes");
    expect(request?.query).toEqual({ key: "sk-secret-123" });
    expect(request?.headers.authorization).toBe("Bearer sk-secret-123");
  });

  it("prints a pretty result with the redacted HTTP calls on a terminal", async () => {
    const args = ["notes.create_note", "--input", '{"title": "A", "priority": "low"}'];
    const coloured = await run([...args, "--auth-file", authFile], { tty: true });
    expect(coloured.stdout).toContain("\u001b[32maction\u001b[39m");
    process.env.NO_COLOR = "1";
    const { code, stdout } = await run([...args, "--auth-file", authFile], { tty: true }).finally(
      () => {
        delete process.env.NO_COLOR;
      },
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^action in \d+ ms/);
    expect(stdout).toMatch(/POST https:\/\/api\.notes\.test\/v1\/notes\?key=\S+ → 201/);
    expect(stdout).not.toContain("sk-secret-123");
  });

  it("exits 4 with the validation_error envelope for invalid inputs", async () => {
    const { code, stdout } = await run([
      "notes.create_note",
      "--input",
      '{"title": 5, "priority": "urgent"}',
      "--auth-file",
      authFile,
    ]);
    expect(code).toBe(4);
    const envelope = JSON.parse(stdout);
    expect(envelope.type).toBe("validation_error");
    expect(envelope.result.message).toContain("$.priority");
  });

  it("exits 3 with the action_error envelope when the handler refuses", async () => {
    const { code, stdout } = await run([
      "notes.archive_note",
      "--input",
      '{"note_id": "n1"}',
      "--auth-file",
      authFile,
    ]);
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toMatchObject({
      type: "action_error",
      result: { message: "note n1 is locked", cost_usd: 0.01 },
    });
  });

  it("reads inputs from --input-file and runs integrations without auth", async () => {
    const inputFile = path.join(workspace.root, "forecast.json");
    await writeFile(inputFile, '{"city": "Oslo"}');
    const weather = await startNotesApi();
    try {
      const { code, stdout } = await capture(runCommand, [
        "weather.get_forecast",
        "--input-file",
        inputFile,
        "--cwd",
        workspace.root,
        "--origin",
        `https://api.weather.test=${weather.origin}`,
      ]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).type).toBe("action");
      expect(weather.requests[0]?.path).toBe("/forecast");
      expect(weather.requests[0]?.query).toEqual({ city: "Oslo" });
    } finally {
      await weather.close();
    }
  });

  it("suggests the closest name for an unknown integration or action", async () => {
    const integration = await run(["note.create_note"]);
    expect(integration.code).toBe(1);
    expect(integration.stderr).toBe(
      'plugboard run: unknown integration "note". Did you mean "notes"?\n',
    );
    const action = await run(["notes.create_notes"]);
    expect(action.stderr).toBe(
      'plugboard run: unknown action "notes.create_notes". Did you mean "notes.create_note"?\n',
    );
  });

  it("points at the position of malformed --input JSON", async () => {
    const { code, stderr } = await run(["notes.create_note", "--input", '{"title": }']);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^plugboard run: --input is not valid JSON: .*\(line 1 column 11, found "}"\)$/m,
    );
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("names the missing credential fields", async () => {
    const { code, stderr } = await run(["notes.create_note", "--input", "{}"]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'plugboard run: notes needs credentials: missing "api_key" (pass --auth-file <file.json>)\n',
    );
  });

  it("rejects bad usage with exit 2 and help on --help", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(["notes.create_note", "--nope"])).stderr).toMatch(/Unknown option '--nope'/);
    const help = await capture(runCommand, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: plugboard run <integration>.<action>");
  });
});
