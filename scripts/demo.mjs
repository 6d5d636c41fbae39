#!/usr/bin/env node
// The main job, end to end: after `turbo run codegen build`, run the Hacker News integration's
// `get_top_stories` action through the `plugboard` CLI against a local stand-in for the
// Hacker News API, and print the IntegrationResult envelope it returns.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const now = Math.floor(Date.now() / 1000);
const items = {
  41001: {
    id: 41001,
    type: "story",
    by: "ada",
    time: now - 600,
    title: "Show HN: A typed toolkit for SaaS integrations",
    url: "https://example.com/plugboard",
    score: 312,
    descendants: 2,
    kids: [41010],
  },
  41002: {
    id: 41002,
    type: "story",
    by: "grace",
    time: now - 3600,
    title: "Compilers as a service, thirty years on",
    url: "https://example.com/compilers",
    score: 198,
    descendants: 0,
  },
  41003: {
    id: 41003,
    type: "story",
    by: "linus",
    time: now - 7200,
    title: "Ask HN: How do you test code that calls external APIs?",
    text: "Mocks, fakes or a local server?",
    score: 87,
    descendants: 0,
  },
};

const server = createServer((req, res) => {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  const item = /^\/v0\/item\/(\d+)\.json$/.exec(path);
  const body =
    path === "/v0/topstories.json"
      ? Object.keys(items).map(Number)
      : item
        ? (items[item[1]] ?? null)
        : undefined;
  res.writeHead(body === undefined ? 404 : 200, {
    "content-type": "application/json; charset=utf-8",
  });
  res.end(JSON.stringify(body ?? { error: "Not Found" }));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
const { port } = server.address();

process.stdout.write(`Local Hacker News API stand-in on http://127.0.0.1:${port}\n`);
const args = [
  "run",
  "hackernews.get_top_stories",
  "--input",
  JSON.stringify({ limit: 3 }),
  "--origin",
  `https://hacker-news.firebaseio.com=http://127.0.0.1:${port}`,
];
process.stdout.write(
  `$ plugboard ${args.map((a) => (/[\s{"]/.test(a) ? `'${a}'` : a)).join(" ")}\n`,
);
const child = spawn(process.execPath, [`${root}packages/cli/bin/plugboard.js`, ...args], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
});
const code = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
server.close();
process.exitCode = code;
