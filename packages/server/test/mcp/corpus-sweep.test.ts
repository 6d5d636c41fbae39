import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { parseConfig } from "@plugboard/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMcpServer } from "../../src/mcp/mcp-server.ts";
import { buildCatalog, type ToolCatalog } from "../../src/mcp/tool-catalog.ts";
import { TOOL_NAME_PATTERN } from "../../src/mcp/tool-name.ts";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
/** The real-world corpus, outside the repository (`../shared/corpus` from its root). */
const corpusDir =
  process.env.PLUGBOARD_CORPUS_DIR ?? path.resolve(packageDir, "../../../shared/corpus/autohive");
const present = existsSync(corpusDir);
if (!present) process.stderr.write(`note: MCP corpus sweep skipped, ${corpusDir} is absent\n`);

describe.skipIf(!present)("every corpus action as an MCP tool", () => {
  const names = present
    ? readdirSync(corpusDir).filter((n) => existsSync(path.join(corpusDir, n, "config.json")))
    : [];
  const integrations = names.map((name) => {
    const file = path.join(corpusDir, name, "config.json");
    return { name, config: parseConfig(readFileSync(file, "utf8"), file) };
  });
  let catalog: ToolCatalog;
  let client: Client;

  beforeAll(async () => {
    catalog = buildCatalog(integrations);
    const server = await createMcpServer({
      catalog,
      run: () => Promise.reject(new Error("the sweep runs nothing")),
      credentials: () => ({ auth: undefined, missing: [], hint: "" }),
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    client = new Client({ name: "corpus-sweep", version: "1.0.0" });
    await server.connect(serverSide);
    await client.connect(clientSide);
  });

  afterAll(async () => {
    await client?.close();
  });

  it("reads all 77 configs", () => {
    expect(integrations).toHaveLength(77);
  });

  it("gives every action one valid, unique tool name", async () => {
    const actions = integrations.flatMap((i) =>
      Object.keys(i.config.actions).map((action) => `${i.name}.${action}`),
    );
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(actions.length);
    const toolNames = tools.map((tool) => tool.name);
    expect(new Set(toolNames).size).toBe(actions.length);
    expect(toolNames.filter((name) => !TOOL_NAME_PATTERN.test(name))).toEqual([]);
    const qualified = tools.map((tool) => tool._meta?.["plugboard/qualified_name"]);
    expect(qualified.sort()).toEqual([...actions].sort());
  });

  it("gives schemas the official client accepts: listTools compiles every output schema", async () => {
    // The client compiles each outputSchema with its Ajv (ajv-formats, formats asserted) while
    // listing, and its zod schema requires `type: "object"` roots: a bad one throws here.
    const { tools } = await client.listTools();
    const ajv = new AjvJsonSchemaValidator();
    const rejected: string[] = [];
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.outputSchema?.type).toBe("object");
      try {
        ajv.getValidator(tool.inputSchema);
      } catch (error) {
        rejected.push(`${tool.name}: ${(error as Error).message}`);
      }
    }
    expect(rejected).toEqual([]);
  });

  it("wraps exactly the output schemas whose root is not an object", () => {
    const nonObject = integrations.flatMap((i) =>
      Object.entries(i.config.actions)
        .filter(([, action]) => (action.output_schema as { type?: unknown }).type !== "object")
        .map(([action]) => `${i.name}.${action}`),
    );
    const wrapped = [...catalog.byName.values()]
      .filter((entry) => entry.output.wrappedAs === "result")
      .map((entry) => entry.qualifiedName);
    expect(nonObject.length).toBeGreaterThan(30);
    expect(wrapped.sort()).toEqual(nonObject.sort());
  });
});
