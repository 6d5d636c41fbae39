import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RecordingServer, startRecordingServer } from "@plugboard/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ExecutionContext,
  FileStateStore,
  Integration,
  type IntegrationConfig,
  MemoryStateStore,
  type PollingRecord,
  StateStoreError,
  type TriggerState,
  type TriggerStateStore,
  ValidationError,
} from "../src/index.ts";
import { sampleConfig } from "./fixtures.ts";

type Item = { id: number | string; title: string };

let server: RecordingServer;
let pages: Item[][];
let dir: string;

beforeEach(async () => {
  pages = [];
  // Each GET /issues answers the next page of `pages`; the last one repeats.
  let served = 0;
  server = await startRecordingServer({
    "GET /issues": () => ({ body: pages[Math.min(served++, pages.length - 1)] ?? [] }),
  });
  dir = await mkdtemp(join(tmpdir(), "plugboard-poll-"));
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function tracker(dedupe?: "unique" | "greatest" | "last") {
  const config: IntegrationConfig = sampleConfig();
  const trigger = config.polling_triggers?.new_issues;
  if (trigger && dedupe) trigger.dedupe = dedupe;
  return new Integration(config).pollingTrigger("new_issues", async (inputs, lastPollTs, ctx) => {
    const project = (inputs as { project: string }).project;
    const params = { project, since: lastPollTs ?? undefined };
    const response = await ctx.fetch<Item[]>("https://tracker.example/issues", { params });
    return response.data.map((item) => ({ id: String(item.id), data: { title: item.title } }));
  });
}

function context() {
  return new ExecutionContext({
    auth: { api_key: "key-abcdef" },
    originOverrides: { "https://tracker.example": server.origin },
  });
}

const ids = (records: PollingRecord[]) => records.map((r) => r.id);
const clock = (...times: string[]) => {
  let i = 0;
  return () => new Date(times[Math.min(i++, times.length - 1)] as string);
};

describe("integration.poll", () => {
  it("unique: the first poll seeds, later ones deliver only unseen ids, within the window", async () => {
    pages = [
      [
        { id: 1, title: "a" },
        { id: 2, title: "b" },
      ],
      [
        { id: 2, title: "b" },
        { id: 3, title: "c" },
        { id: 3, title: "c again" },
      ],
      [
        { id: 1, title: "a" },
        { id: 4, title: "d" },
      ],
    ];
    const integration = tracker("unique");
    const store = new MemoryStateStore();
    const ctx = context();
    const first = await integration.poll("new_issues", { project: "P" }, ctx, { store });
    expect(first.dedupe).toBe("unique");
    expect(ids(first.seeded)).toEqual(["1", "2"]);
    expect(first.delivered).toEqual([]);
    const second = await integration.poll("new_issues", { project: "P" }, ctx, { store });
    expect(ids(second.delivered)).toEqual(["3"]);
    expect(ids(second.seen)).toEqual(["2", "3"]);
    expect(second.seeded).toEqual([]);
    // A window of 2 has forgotten id 1 by the third poll (it remembers 2 and 3).
    const third = await integration.poll("new_issues", { project: "P" }, ctx, {
      store,
      window: 2,
    });
    expect(ids(third.delivered)).toEqual(["1", "4"]);
    expect((await store.get("tracker.new_issues"))?.ids).toEqual(["1", "4"]);
    await ctx.close();
  });

  it("passes the previous poll's start as lastPollTs, and stores this one's", async () => {
    pages = [[{ id: 1, title: "a" }]];
    const integration = tracker();
    const store = new MemoryStateStore();
    const ctx = context();
    const now = clock("2026-01-01T00:00:00.000Z", "2026-01-01T00:05:00.000Z");
    const first = await integration.poll("new_issues", { project: "P" }, ctx, { store, now });
    expect(first.lastPollTs).toBeNull();
    // No dedupe declared: everything is delivered, even on the first poll.
    expect(ids(first.delivered)).toEqual(["1"]);
    const second = await integration.poll("new_issues", { project: "P" }, ctx, { store, now });
    expect(second.lastPollTs).toBe("2026-01-01T00:00:00.000Z");
    expect(second.state).toEqual({ revision: 2, lastPollTs: "2026-01-01T00:05:00.000Z" });
    expect(server.requests.map((r) => r.query.since)).toEqual([
      undefined,
      "2026-01-01T00:00:00.000Z",
    ]);
    const forced = await integration.poll("new_issues", { project: "P" }, ctx, {
      store,
      lastPollTs: "2025-12-31T00:00:00.000Z",
    });
    expect(forced.lastPollTs).toBe("2025-12-31T00:00:00.000Z");
    expect(server.requests[2]?.query.since).toBe("2025-12-31T00:00:00.000Z");
    await ctx.close();
  });

  it("delivers the first poll when asked", async () => {
    pages = [[{ id: 7, title: "a" }]];
    const ctx = context();
    const outcome = await tracker("unique").poll("new_issues", { project: "P" }, ctx, {
      store: new MemoryStateStore(),
      deliverFirstPoll: true,
    });
    expect(ids(outcome.delivered)).toEqual(["7"]);
    expect(outcome.seeded).toEqual([]);
    await ctx.close();
  });

  it("greatest: delivers ids above the largest seen, comparing big integers exactly", async () => {
    pages = [
      [{ id: "9007199254740993", title: "a" }],
      [
        { id: "9007199254740992", title: "older" },
        { id: "9007199254740994", title: "newer" },
        { id: "9007199254740993", title: "same" },
      ],
    ];
    const integration = tracker("greatest");
    const store = new MemoryStateStore();
    const ctx = context();
    await integration.poll("new_issues", { project: "P" }, ctx, { store });
    const second = await integration.poll("new_issues", { project: "P" }, ctx, { store });
    expect(ids(second.delivered)).toEqual(["9007199254740994"]);
    expect(ids(second.seen)).toEqual(["9007199254740992", "9007199254740993"]);
    expect(second.state.greatest).toBe("9007199254740994");
    await ctx.close();
  });

  it("greatest: a non-numeric id is a ValidationError naming it, and nothing is stored", async () => {
    pages = [[{ id: "abc", title: "a" }]];
    const store = new MemoryStateStore();
    const ctx = context();
    const failure = tracker("greatest").poll("new_issues", { project: "P" }, ctx, { store });
    await expect(failure).rejects.toThrow(ValidationError);
    await expect(failure).rejects.toThrow(
      /non-numeric id "abc"; return numeric ids or use "unique"/,
    );
    expect(await store.get("tracker.new_issues")).toBeUndefined();
    await ctx.close();
  });

  it("last: delivers the records after the id seen last, all when it is gone", async () => {
    pages = [
      [
        { id: "a", title: "a" },
        { id: "b", title: "b" },
      ],
      [
        { id: "a", title: "a" },
        { id: "b", title: "b" },
        { id: "c", title: "c" },
      ],
      [
        { id: "x", title: "x" },
        { id: "y", title: "y" },
      ],
    ];
    const integration = tracker("last");
    const store = new MemoryStateStore();
    const ctx = context();
    await integration.poll("new_issues", { project: "P" }, ctx, { store });
    const second = await integration.poll("new_issues", { project: "P" }, ctx, { store });
    expect(ids(second.delivered)).toEqual(["c"]);
    expect(ids(second.seen)).toEqual(["a", "b"]);
    const third = await integration.poll("new_issues", { project: "P" }, ctx, { store });
    expect(ids(third.delivered)).toEqual(["x", "y"]);
    expect(third.state.last).toBe("y");
    await ctx.close();
  });

  it("keeps state in a JSON file across store objects, one key per trigger", async () => {
    const path = join(dir, "state.json");
    pages = [
      [{ id: 1, title: "a" }],
      [
        { id: 1, title: "a" },
        { id: 2, title: "b" },
      ],
    ];
    const integration = tracker("unique");
    const ctx = context();
    await integration.poll("new_issues", { project: "P" }, ctx, {
      store: new FileStateStore(path),
    });
    const onDisk = JSON.parse(await readFile(path, "utf8")) as Record<string, TriggerState>;
    expect(Object.keys(onDisk)).toEqual(["tracker.new_issues"]);
    expect(onDisk["tracker.new_issues"]?.ids).toEqual(["1"]);
    const second = await integration.poll("new_issues", { project: "P" }, ctx, {
      store: new FileStateStore(path),
    });
    expect(ids(second.delivered)).toEqual(["2"]);
    // A custom key keeps a separate state (e.g. one per connected account).
    const other = await integration.poll("new_issues", { project: "P" }, ctx, {
      store: new FileStateStore(path),
      key: "tracker.new_issues.account-2",
    });
    expect(ids(other.seeded)).toEqual(["1", "2"]);
    expect(Object.keys(JSON.parse(await readFile(path, "utf8")))).toEqual([
      "tracker.new_issues",
      "tracker.new_issues.account-2",
    ]);
    await ctx.close();
  });

  it("says which file is broken and how to fix it", async () => {
    const path = join(dir, "broken.json");
    await writeFile(path, "{ nope");
    const ctx = context();
    const failure = tracker("unique").poll("new_issues", { project: "P" }, ctx, {
      store: new FileStateStore(path),
    });
    await expect(failure).rejects.toThrow(StateStoreError);
    await expect(failure).rejects.toThrow(`${path}: not a trigger state file`);
    await expect(failure).rejects.toThrow(/delete it to start over/);
    await ctx.close();
  });

  it("concurrent polls of one key both land: the later writer dedupes against the earlier", async () => {
    pages = [[{ id: 1, title: "a" }], [{ id: 2, title: "b" }]];
    const integration = tracker("unique");
    const store = new FileStateStore(join(dir, "state.json"));
    await store.set("tracker.new_issues", { revision: 1, lastPollTs: null, ids: [] });
    const ctx = context();
    const [a, b] = await Promise.all([
      integration.poll("new_issues", { project: "P" }, ctx, { store }),
      integration.poll("new_issues", { project: "P" }, ctx, { store }),
    ]);
    expect([...ids(a.delivered), ...ids(b.delivered)].sort()).toEqual(["1", "2"]);
    const state = await store.get("tracker.new_issues");
    expect(state?.revision).toBe(3);
    expect([...(state?.ids ?? [])].sort()).toEqual(["1", "2"]);
    await ctx.close();
  });

  it("gives up with state_conflict when the state keeps changing", async () => {
    pages = [[{ id: 1, title: "a" }]];
    let writes = 0;
    // A store whose every compare-and-set loses, as under a stampede of polls.
    const store: TriggerStateStore = {
      get: async () => ({ revision: 100 + writes, lastPollTs: null, ids: [] }),
      set: async () => {},
      compareAndSet: async () => {
        writes++;
        return false;
      },
    };
    const ctx = context();
    const failure = tracker("unique").poll("new_issues", { project: "P" }, ctx, { store });
    await expect(failure).rejects.toMatchObject({
      code: "state_conflict",
      key: "tracker.new_issues",
    });
    expect(writes).toBe(5);
    expect(server.requests).toHaveLength(1);
    await ctx.close();
  });

  it("a store without compareAndSet is written with set", async () => {
    pages = [[{ id: 1, title: "a" }]];
    const saved = new Map<string, TriggerState>();
    const store: TriggerStateStore = {
      get: async (key) => saved.get(key),
      set: async (key, state) => {
        saved.set(key, state);
      },
    };
    const ctx = context();
    await tracker("unique").poll("new_issues", { project: "P" }, ctx, { store });
    expect(saved.get("tracker.new_issues")).toMatchObject({ revision: 1, ids: ["1"] });
    await ctx.close();
  });
});
