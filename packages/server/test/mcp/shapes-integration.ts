import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

// A test integration whose outputs take every shape MCP must wrap, and whose handlers fail in
// each way a tool call can: written without codegen, as the server's probe integration is.

const object = { type: "object" };

/** The shapes integration's config.json. */
export const shapesConfig = {
  name: "shapes",
  version: "1.0.0",
  description: "Output shapes and failures for the MCP tests",
  entry_point: "src/index.ts",
  auth: {
    type: "custom",
    fields: {
      type: "object",
      properties: { api_key: { type: "string", label: "API key", format: "password" } },
      required: ["api_key"],
    },
  },
  secrets: [{ name: "vault", keys: ["SHAPES_VAULT_KEY"] }],
  actions: {
    list: {
      display_name: "List things",
      description: "Returns an array root",
      input_schema: {
        type: "object",
        properties: { count: { type: "integer", label: "How many", help_text: "At most 5." } },
        required: ["count"],
      },
      output_schema: {
        type: "array",
        items: { type: "object", properties: { n: { type: "integer" } } },
      },
    },
    maybe: {
      description: "Returns an array or null",
      input_schema: { type: "object", properties: { empty: { type: "boolean" } } },
      output_schema: { type: ["array", "null"], items: { type: "string" } },
    },
    either: {
      description: "Returns a root oneOf",
      input_schema: object,
      output_schema: {
        oneOf: [
          { type: "string" },
          { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] },
        ],
      },
    },
    sum: {
      description: "Takes an array root as input",
      input_schema: { type: "array", items: { type: "number" } },
      output_schema: {
        type: "object",
        properties: { total: { type: "number" } },
        required: ["total"],
      },
    },
    refuse: { description: "Throws ActionError", input_schema: object, output_schema: object },
    bad_output: {
      description: "Returns what its schema rejects",
      input_schema: object,
      output_schema: { type: "object", properties: { n: { type: "integer" } }, required: ["n"] },
    },
    leak: {
      description: "Throws an error quoting the API key",
      input_schema: object,
      output_schema: object,
    },
    hang: { description: "Never settles", input_schema: object, output_schema: object },
    vault: {
      description: "Declares a secret",
      secrets: ["vault"],
      input_schema: object,
      output_schema: object,
    },
  },
};

const source = `import { ActionError, Integration } from "@plugboard/sdk";

const integration = Integration.load(new URL("../config.json", import.meta.url));

integration
  .action("list", async (inputs: any) => ({ data: Array.from({ length: inputs.count }, (_, n) => ({ n })) }))
  .action("maybe", async (inputs: any) => ({ data: inputs.empty ? null : ["a", "b"] }))
  .action("either", async () => ({ data: { ok: true } }))
  .action("sum", async (inputs: any) => ({ data: { total: inputs.reduce((a: number, b: number) => a + b, 0) } }))
  .action("refuse", async () => {
    throw new ActionError("shapes refuses politely", { cost_usd: 0.01 });
  })
  .action("bad_output", async () => ({ data: { n: "not a number" } }))
  .action("leak", async (_inputs, context: any) => {
    throw new Error(\`upstream rejected key \${context.credentials.api_key}\`);
  })
  .action("hang", () => new Promise(() => {}))
  .action("vault", async (_inputs, context: any) => ({ data: { length: context.secrets.SHAPES_VAULT_KEY.length } }));

export { integration };
`;

/** Writes `<root>/integrations/shapes` (config.json and src/index.ts) and returns its folder. */
export async function writeShapesIntegration(root: string): Promise<string> {
  const dir = path.join(root, "integrations", "shapes");
  await mkdir(path.join(dir, "src"), { recursive: true });
  await writeFile(path.join(root, "pnpm-workspace.yaml"), "packages:\n  - integrations/*\n");
  await writeFile(path.join(dir, "config.json"), `${JSON.stringify(shapesConfig, null, 2)}\n`);
  await writeFile(path.join(dir, "src", "index.ts"), source);
  return dir;
}
