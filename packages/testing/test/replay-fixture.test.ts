import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Fixture, loadFixture, replayFixture } from "../src/index.ts";

const fixture: Fixture = {
  recorded: "plugboard run trello.list_cards",
  exchanges: [
    {
      request: {
        method: "GET",
        url: "https://api.trello.com/1/boards/b1/cards?key=%5BREDACTED%5D&token=%5BREDACTED%5D&limit=2",
        headers: {},
        body: null,
      },
      response: {
        status: 200,
        headers: { "content-type": "application/json" },
        body: [{ id: "c1" }, { id: "c2" }],
      },
    },
    {
      request: {
        method: "GET",
        url: "https://api.trello.com/1/boards/b1/cards?key=%5BREDACTED%5D&token=%5BREDACTED%5D&limit=2",
        headers: {},
        body: null,
      },
      response: { status: 200, headers: { "content-type": "application/json" }, body: [] },
    },
    {
      request: { method: "GET", url: "https://trello.example/status", headers: {}, body: null },
      response: {
        status: 503,
        headers: { "content-type": "text/plain" },
        body: "down for maintenance",
      },
    },
  ],
};

describe("replayFixture", () => {
  it("serves exchanges in order per origin, redacted parameters matching any value", async () => {
    const replay = await replayFixture(fixture);
    try {
      expect(Object.keys(replay.originOverrides).sort()).toEqual([
        "https://api.trello.com",
        "https://trello.example",
      ]);
      const trello = replay.originOverrides["https://api.trello.com"];
      const url = `${trello}/1/boards/b1/cards?key=k&token=t&limit=2`;
      expect(await (await fetch(url)).json()).toEqual([{ id: "c1" }, { id: "c2" }]);
      expect(await (await fetch(url)).json()).toEqual([]);
      // Used up, and a different non-secret parameter never matches.
      expect((await fetch(url)).status).toBe(404);
      expect((await fetch(`${trello}/1/boards/b1/cards?key=k&token=t&limit=3`)).status).toBe(404);
      const status = await fetch(`${replay.originOverrides["https://trello.example"]}/status`);
      expect(status.status).toBe(503);
      expect(await status.text()).toBe("down for maintenance");
      expect(replay.unused()).toEqual([]);
      expect(replay.servers["https://api.trello.com"]?.requests).toHaveLength(4);
    } finally {
      await replay.close();
    }
  });

  it("honours bodyEncoding: base64 bytes, text and compact JSON are served byte for byte", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x80, 0xc3, 0x28]);
    const get = (url: string) => ({ method: "GET", url, headers: {}, body: null });
    const replay = await replayFixture({
      recorded: "plugboard run files.fetch",
      exchanges: [
        {
          request: get("https://files.test/logo.png"),
          response: {
            status: 200,
            headers: { "content-type": "image/png" },
            body: png.toString("base64"),
            bodyEncoding: "base64",
          },
        },
        {
          // A JSON-looking text stays text: served as written, not re-encoded as a JSON string.
          request: get("https://files.test/notes.txt"),
          response: {
            status: 200,
            headers: { "content-type": "application/json" },
            body: '{ "spaced" : true }\nCafé ✓',
            bodyEncoding: "text",
          },
        },
        {
          request: get("https://files.test/meta"),
          response: {
            status: 200,
            headers: { "content-type": "application/json" },
            body: { name: "Café", size: 3 },
            bodyEncoding: "json",
          },
        },
      ],
    });
    try {
      const local = replay.originOverrides["https://files.test"];
      const bytes = async (p: string) =>
        Buffer.from(await (await fetch(`${local}${p}`)).arrayBuffer());
      expect(await bytes("/logo.png")).toEqual(png);
      expect(await bytes("/notes.txt")).toEqual(Buffer.from('{ "spaced" : true }\nCafé ✓'));
      expect(await bytes("/meta")).toEqual(Buffer.from('{"name":"Café","size":3}'));
    } finally {
      await replay.close();
    }
  });

  it("loadFixture names the exchange whose bodyEncoding it cannot honour", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "fixture-"));
    const file = path.join(dir, "bad.json");
    const exchange = {
      request: { method: "GET", url: "https://x.test/", headers: {}, body: null },
      response: { status: 200, headers: {}, body: { a: 1 }, bodyEncoding: "base64" },
    };
    await writeFile(file, JSON.stringify({ recorded: "x", exchanges: [exchange] }));
    try {
      await expect(loadFixture(file)).rejects.toThrow(
        `${file}: exchanges[0].response.bodyEncoding "base64" needs a string body and one of "json", "text", "base64"`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
