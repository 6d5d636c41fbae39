import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { startRecordingServer } from "@plugboard/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollCommand } from "../../src/commands/poll.ts";
import { runCommand } from "../../src/commands/run.ts";
import { capture } from "../capture.ts";
import { createFixtureWorkspace } from "../fixtures/workspace.ts";

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;
let api: Awaited<ReturnType<typeof startRecordingServer>>;
let authFile = "";

/** The feed grows by one note per request: n1, then n1 n2, then n1 n2 n3… */
function feed(count: number) {
  return {
    notes: Array.from({ length: count }, (_, i) => ({ id: `n${i + 1}`, title: `Note ${i + 1}` })),
  };
}

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
  api = await startRecordingServer({
    "GET /v1/feed": (request) => ({
      body: feed(api.requestsTo("GET /v1/feed").length + (request.query.folder === "big" ? 1 : 0)),
    }),
    "GET /v1/me": { body: { email: "ada@example.com", name: "Ada" } },
    "POST /v1/notes": { status: 500, body: { error: "database on fire" } },
  });
  authFile = path.join(workspace.root, "auth.json");
  await writeFile(authFile, JSON.stringify({ api_key: "sk-secret-123" }));
}, 60_000);

afterAll(async () => {
  await api?.close();
  await workspace?.remove();
});

const common = () => [
  "--cwd",
  workspace.root,
  "--origin",
  `https://api.notes.test=${api.origin}`,
  "--auth-file",
  authFile,
];

describe("plugboard run with triggers and the connected account", () => {
  it("runs one poll of a trigger with --last-poll-ts and prints its records", async () => {
    const { code, stdout, stderr } = await capture(runCommand, [
      "notes.new_notes",
      "--last-poll-ts",
      "2026-01-01T00:00:00Z",
      ...common(),
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const envelope = JSON.parse(stdout);
    expect(envelope.type).toBe("polling_trigger");
    expect(envelope.result.records).toEqual([{ id: "n1", data: { title: "Note 1" } }]);
    expect(envelope.result.last_poll_ts).toBe("2026-01-01T00:00:00Z");
    const request = api.requestsTo("GET /v1/feed").at(-1);
    expect(request?.query).toEqual({ key: "sk-secret-123", since: "2026-01-01T00:00:00Z" });
  });

  it("keeps last_poll_ts and the ids seen in a --state file between runs", async () => {
    const state = path.join(workspace.root, "state.json");
    const first = await capture(runCommand, ["notes.new_notes", "--state", state, ...common()]);
    expect(first.code).toBe(0);
    const firstPoll = JSON.parse(first.stdout).result;
    expect(firstPoll.last_poll_ts).toBeNull();
    // Seed-on-enable: the first poll of a trigger with "dedupe" records ids, delivers nothing.
    expect(firstPoll.new).toEqual([]);
    expect(firstPoll.seeded.length).toBeGreaterThan(0);
    const saved = JSON.parse(await readFile(state, "utf8"));
    expect(JSON.stringify(saved)).toContain(firstPoll.seeded[0]);

    const second = await capture(runCommand, ["notes.new_notes", "--state", state, ...common()]);
    const secondPoll = JSON.parse(second.stdout).result;
    expect(secondPoll.last_poll_ts).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(secondPoll.seen).toEqual(firstPoll.seeded);
    expect(secondPoll.new).toHaveLength(1);
    expect(secondPoll.seeded).toEqual([]);
  });

  it("runs the connected-account handler", async () => {
    const { code, stdout } = await capture(runCommand, [
      "notes",
      "--connected-account",
      ...common(),
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      type: "connected_account",
      result: { email: "ada@example.com", first_name: "Ada", last_name: null },
    });
  });

  it("turns an uncaught handler error into one line, exit 6 and a JSON error object", async () => {
    const { code, stdout, stderr } = await capture(runCommand, [
      "notes.create_note",
      "--input",
      '{"title": "x", "priority": "low"}',
      "--json",
      ...common(),
    ]);
    expect(code).toBe(6);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(
      /^plugboard run: action "create_note" threw HTTPError: \[POST\] .*: 500/,
    );
    expect(stderr).toContain("database on fire");
    expect(stderr).not.toContain("sk-secret-123");
    const body = JSON.parse(stdout);
    expect(body).toMatchObject({ type: "handler_error", error: { name: "HTTPError" } });
    expect(body.calls[0]).toMatchObject({ method: "POST", status: 500 });
    expect(stdout).not.toContain("sk-secret-123");
  });

  it("says what a trigger is when `poll` is given an action, and vice versa", async () => {
    const poll = await capture(pollCommand, ["notes.create_note", ...common()]);
    expect(poll.code).toBe(1);
    expect(poll.stderr).toContain('"notes.create_note" is an action: use `plugboard run`');
    const usage = await capture(runCommand, [
      "notes.create_note",
      "--state",
      "x.json",
      ...common(),
    ]);
    expect(usage.code).toBe(2);
  });
});

describe("plugboard poll", () => {
  it("simulates a schedule: each poll gets the previous poll's time and new vs seen records", async () => {
    const state = path.join(workspace.root, "poll-state.json");
    const { code, stdout, stderr } = await capture(pollCommand, [
      "notes.new_notes",
      "--times",
      "3",
      "--every",
      "10m",
      "--start",
      "2026-03-01T09:00:00Z",
      "--input",
      '{"folder": "big"}',
      "--state",
      state,
      "--json",
      ...common(),
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.dedupe).toBe("unique");
    // Poll 1 seeds (records the ids, delivers nothing), as a newly enabled trigger does.
    expect(report.polls[0].delivered).toEqual([]);
    expect(report.polls[0].seeded.length).toBeGreaterThan(0);
    expect(report.polls.map((p: { poll_ts: string }) => p.poll_ts)).toEqual([
      "2026-03-01T09:00:00.000Z",
      "2026-03-01T09:10:00.000Z",
      "2026-03-01T09:20:00.000Z",
    ]);
    expect(report.polls.map((p: { last_poll_ts: string | null }) => p.last_poll_ts)).toEqual([
      null,
      "2026-03-01T09:00:00.000Z",
      "2026-03-01T09:10:00.000Z",
    ]);
    for (const poll of report.polls.slice(1)) {
      expect(poll.delivered).toHaveLength(1);
      expect(poll.seen.length).toBeGreaterThan(0);
    }
    const requests = api.requestsTo("GET /v1/feed").slice(-3);
    expect(requests.map((r) => r.query.since)).toEqual([
      undefined,
      "2026-03-01T09:00:00.000Z",
      "2026-03-01T09:10:00.000Z",
    ]);
    // The state file (the SDK's JSON file store) holds the last simulated poll's time.
    expect(await readFile(state, "utf8")).toContain("2026-03-01T09:20:00.000Z");
  });

  it("prints new and already-seen records per poll on a terminal", async () => {
    process.env.NO_COLOR = "1";
    const { code, stdout } = await capture(
      pollCommand,
      ["notes.new_notes", "--times", "2", "--every", "5m", "--deliver-first-poll", ...common()],
      { tty: true },
    ).finally(() => {
      delete process.env.NO_COLOR;
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^poll 1 at \S+ \(last_poll_ts none\): (\d+) records?, \1 new, 0 already seen$/m,
    );
    expect(stdout).toMatch(
      /^poll 2 at \S+ \(last_poll_ts \S+\): \d+ records, 1 new, \d+ already seen$/m,
    );
    expect(stdout).toMatch(/^ {2}\+ n\d+ {2}\{"title":"Note \d+"\}$/m);
    expect(stdout).toMatch(/^ {2}= n1 {2}\(seen\)$/m);
  });

  it("rejects a bad --every or --times as usage errors", async () => {
    expect(
      (await capture(pollCommand, ["notes.new_notes", "--every", "5 minutes", ...common()])).code,
    ).toBe(2);
    expect(
      (await capture(pollCommand, ["notes.new_notes", "--times", "0", ...common()])).code,
    ).toBe(2);
  });
});
