import { describe, expect, it } from "vitest";
import { type Fixture, replayFixture } from "../src/index.ts";

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
});
