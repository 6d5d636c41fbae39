import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { root, run } from "./workspace.ts";

// Installs the packed tarballs into a project outside the workspace (no workspace links, no
// pnpm: plain npm, as a user would) and runs an action of an installed integration against a
// local HTTP server, proving the published artifact works on its own.
const packed = inject("packed");
const integrations = packed.filter((p) => p.name.startsWith("@plugboard/integration-"));
let project = "";

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), "plugboard-install-"));
  expect(project.startsWith(root)).toBe(false);
  const files = Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`]));
  const sdk = files["@plugboard/sdk"];
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({
      name: "plugboard-install-check",
      private: true,
      type: "module",
      dependencies: Object.fromEntries(integrations.map((p) => [p.name, files[p.name]])),
      // The integrations depend on @plugboard/sdk by version; resolve it to the packed SDK.
      overrides: { "@plugboard/sdk": sdk },
    }),
  );
  await run(["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
    cwd: project,
  });
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("packed packages installed with npm outside the workspace", () => {
  it("every integration imports and exposes its integration and config", async () => {
    writeFileSync(
      join(project, "list.mjs"),
      `const names = ${JSON.stringify(integrations.map((p) => p.name))};
const out = [];
for (const name of names) {
  const mod = await import(name);
  out.push({ name, config: mod.integration.config.name, actions: Object.keys(mod.integration.config.actions).length });
}
process.stdout.write(JSON.stringify(out));`,
    );
    const listed = JSON.parse(await run(["node", "list.mjs"], { cwd: project })) as Array<{
      name: string;
      config: string;
      actions: number;
    }>;
    expect(listed.map((l) => l.name)).toEqual(integrations.map((p) => p.name));
    for (const entry of listed) {
      expect(entry.name).toBe(`@plugboard/integration-${entry.config}`);
      expect(entry.actions).toBeGreaterThan(0);
    }
  });

  it("runs a Hacker News action against a local server and returns the action envelope", async () => {
    expect(integrations.map((p) => p.name)).toContain("@plugboard/integration-hackernews");
    writeFileSync(
      join(project, "run.mjs"),
      `import { createServer } from "node:http";
import { ExecutionContext } from "@plugboard/sdk";
import { integration } from "@plugboard/integration-hackernews";
const seen = [];
const server = createServer((req, res) => {
  seen.push(req.method + " " + req.url);
  const item = /\\/v0\\/item\\/(\\d+)\\.json/.exec(req.url);
  const body = req.url === "/v0/topstories.json" ? [7, 8, 9]
    : item ? { id: Number(item[1]), type: "story", by: "pg", time: 1700000000, title: "Item " + item[1], score: 10 }
    : null;
  res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const context = new ExecutionContext({
  originOverrides: { "https://hacker-news.firebaseio.com": "http://127.0.0.1:" + server.address().port },
});
const result = await integration.executeAction("get_top_stories", { limit: 2 }, context);
await context.close();
server.close();
process.stdout.write(JSON.stringify({ result, seen }));`,
    );
    const { result, seen } = JSON.parse(await run(["node", "run.mjs"], { cwd: project }));
    expect(result.type).toBe("action");
    expect(result.result.data.stories.map((s: { title: string }) => s.title)).toEqual([
      "Item 7",
      "Item 8",
    ]);
    expect(seen).toContain("GET /v0/topstories.json");
    expect(seen).toContain("GET /v0/item/7.json");
    expect(seen).not.toContain("GET /v0/item/9.json");
  });
});
