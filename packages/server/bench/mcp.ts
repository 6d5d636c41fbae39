// Latency of a no-op MCP tool call over stdio (`plugboard mcp`, the official client) against a
// direct `executeAction` on the same executor setup, measured in turns in one run.
import { appendFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { createExecutor } from "../src/executor.ts";
import { lookupCredentials } from "../src/mcp/credentials.ts";
import { createMcpServer } from "../src/mcp/mcp-server.ts";
import { buildCatalog } from "../src/mcp/tool-catalog.ts";

const WORKERS = 2;
const ROUNDS = 10;
const PER_ROUND = 200;
const WARMUP = 300;

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const bin = path.resolve(packageDir, "../cli/bin/plugboard.js");
// Inside the package so the integration resolves @plugboard/sdk; gitignored.
const root = path.join(packageDir, ".artifacts", `bench-mcp-${process.pid}`);
const dir = path.join(root, "integrations", "bench");

const config = {
  name: "bench",
  version: "1.0.0",
  description: "A no-op action",
  entry_point: "src/index.ts",
  actions: {
    noop: {
      description: "Does nothing",
      input_schema: { type: "object" },
      output_schema: { type: "object" },
    },
  },
};
const source = `import { Integration } from "@plugboard/sdk";
export const integration = Integration.load(new URL("../config.json", import.meta.url)).action(
  "noop",
  async () => ({ data: {} }),
);
`;

type Call = () => Promise<unknown>;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function time(call: Call, n: number, into: number[]): Promise<void> {
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await call();
    into.push(performance.now() - started);
  }
}

await mkdir(path.join(dir, "src"), { recursive: true });
await writeFile(path.join(root, "pnpm-workspace.yaml"), "packages:\n  - integrations/*\n");
await writeFile(path.join(dir, "config.json"), JSON.stringify(config));
await writeFile(path.join(dir, "src", "index.ts"), source);

const executor = await createExecutor({ integrations: [dir], workers: WORKERS, prefer: "source" });
const inMemoryServer = await createMcpServer({
  catalog: buildCatalog(executor.integrations),
  run: (name, call, options) => executor.executeAction(name, call, options),
  credentials: (integration) => lookupCredentials(integration, { env: {} }),
});
const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
const inMemory = new Client({ name: "bench", version: "1.0.0" });
await inMemoryServer.connect(serverSide);
await inMemory.connect(clientSide);

const stdio = new Client({ name: "bench", version: "1.0.0" });
await stdio.connect(
  new StdioClientTransport({
    command: process.execPath,
    args: [bin, "mcp", dir, "--workers", String(WORKERS)],
    env: { PATH: process.env.PATH ?? "" },
    stderr: "inherit",
  }),
);
await stdio.listTools();
await inMemory.listTools();

const paths: Array<{ label: string; call: Call; samples: number[] }> = [
  {
    label: "`executor.executeAction` (direct, same process)",
    call: () => executor.executeAction("bench.noop", { inputs: {} }),
    samples: [],
  },
  {
    label: "MCP `tools/call`, official client, in-memory transport",
    call: () => inMemory.callTool({ name: "bench__noop", arguments: {} }),
    samples: [],
  },
  {
    label: "MCP `tools/call` over stdio (`plugboard mcp` child process)",
    call: () => stdio.callTool({ name: "bench__noop", arguments: {} }),
    samples: [],
  },
];

for (const entry of paths) await time(entry.call, WARMUP, []);
for (let round = 0; round < ROUNDS; round++) {
  for (const entry of paths) await time(entry.call, PER_ROUND, entry.samples);
}

await stdio.close();
await inMemory.close();
await executor.close();
await rm(root, { recursive: true, force: true });

const direct = [...(paths[0]?.samples ?? [])].sort((a, b) => a - b);
const directP50 = quantile(direct, 0.5);
const rows = paths.map(({ label, samples }) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const p50 = quantile(sorted, 0.5);
  const p99 = quantile(sorted, 0.99);
  return `| ${label} | ${(p50 * 1000).toFixed(0)} | ${(p99 * 1000).toFixed(0)} | ${(p50 / directP50).toFixed(2)}× |`;
});
const markdown = [
  "",
  "## @plugboard/server — MCP tools",
  "",
  "### A no-op tool call: MCP over stdio against a direct executeAction",
  "",
  `One no-op action (\`{ data: {} }\`, object schemas) on an executor of ${WORKERS} worker threads.`,
  `${ROUNDS} rounds of ${PER_ROUND} sequential calls per path, the paths taking turns round by round,`,
  `after ${WARMUP} warm-up calls each. The stdio path is \`plugboard mcp\` (its own executor, same`,
  "settings) driven by the official SDK client through a pipe; the in-memory path isolates the",
  "MCP layer (JSON-RPC, schema-checked results, structuredContent validation) from the pipe.",
  "",
  "| path | p50 µs | p99 µs | p50 vs direct |",
  "| --- | ---: | ---: | ---: |",
  ...rows,
  "",
].join("\n");
process.stdout.write(markdown);
if (process.env.PLUGBOARD_BENCH_OUT) appendFileSync(process.env.PLUGBOARD_BENCH_OUT, markdown);
