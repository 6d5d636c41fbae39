import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import type { ActionConfig } from "@plugboard/sdk";
import { ServerError } from "../errors.ts";
import type { ServedIntegration } from "../served-integration.ts";
import { toolName } from "./tool-name.ts";
import { inputToolSchema, outputToolSchema, type ToolSchema } from "./tool-schema.ts";

/** One action served as an MCP tool, with what a call needs to run it. */
export interface CatalogEntry {
  tool: Tool;
  integration: Pick<ServedIntegration, "name" | "config">;
  /** `<integration>.<action>`. */
  qualifiedName: string;
  input: ToolSchema;
  output: ToolSchema;
}

/** Every tool of a set of integrations, in registry order, and each by tool name. */
export interface ToolCatalog {
  tools: Tool[];
  byName: Map<string, CatalogEntry>;
}

/** The `_meta` key that holds a tool's qualified name `<integration>.<action>`. */
export const QUALIFIED_NAME_META = "plugboard/qualified_name";

function describeEntry(
  integration: CatalogEntry["integration"],
  name: string,
  action: ActionConfig,
): CatalogEntry {
  const qualifiedName = `${integration.name}.${name}`;
  const input = inputToolSchema(action.input_schema);
  const output = outputToolSchema(action.output_schema);
  const tool: Tool = {
    name: toolName(qualifiedName),
    ...(action.display_name === undefined ? {} : { title: action.display_name }),
    ...(action.description === undefined ? {} : { description: action.description }),
    inputSchema: input.schema,
    outputSchema: output.schema,
    _meta: { [QUALIFIED_NAME_META]: qualifiedName },
  };
  return { tool, integration, qualifiedName, input, output };
}

/**
 * The tools of every action of `integrations` (polling triggers are not tools: nothing calls
 * them on demand). Fails on two actions with one tool name rather than hide either.
 */
export function buildCatalog(
  integrations: ReadonlyArray<CatalogEntry["integration"]>,
): ToolCatalog {
  const byName = new Map<string, CatalogEntry>();
  for (const integration of integrations) {
    for (const [name, action] of Object.entries(integration.config.actions)) {
      const entry = describeEntry(integration, name, action);
      const clash = byName.get(entry.tool.name);
      if (clash) {
        throw new ServerError(
          "tool_name_collision",
          `${clash.qualifiedName} and ${entry.qualifiedName} both map to the MCP tool name "${entry.tool.name}": rename one of the actions`,
        );
      }
      byName.set(entry.tool.name, entry);
    }
  }
  return { tools: [...byName.values()].map((entry) => entry.tool), byName };
}
