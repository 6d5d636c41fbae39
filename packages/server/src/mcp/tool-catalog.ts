import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import type { RegistryEntry, RegistryIntegration } from "@plugboard/registry";
import { ServerError } from "../errors.ts";
import { toolName } from "./tool-name.ts";
import { inputToolSchema, outputToolSchema, type ToolSchema } from "./tool-schema.ts";

/** One action served as an MCP tool, with what a call needs to run it. */
export interface CatalogEntry {
  tool: Tool;
  integration: RegistryIntegration;
  action: RegistryEntry;
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

function describeEntry(integration: RegistryIntegration, action: RegistryEntry): CatalogEntry {
  const input = inputToolSchema(action.inputSchema);
  const output = outputToolSchema(action.outputSchema);
  const tool: Tool = {
    name: toolName(action.qualifiedName),
    ...(action.displayName === undefined ? {} : { title: action.displayName }),
    description: action.description,
    inputSchema: input.schema,
    outputSchema: output.schema,
    _meta: { [QUALIFIED_NAME_META]: action.qualifiedName },
  };
  return { tool, integration, action, input, output };
}

/**
 * The tools of every action of `integrations` (polling triggers are not tools: nothing calls
 * them on demand). Fails on two actions with one tool name rather than hide either.
 */
export function buildCatalog(integrations: RegistryIntegration[]): ToolCatalog {
  const byName = new Map<string, CatalogEntry>();
  for (const integration of integrations) {
    for (const action of integration.entries) {
      if (action.kind !== "action") continue;
      const entry = describeEntry(integration, action);
      const clash = byName.get(entry.tool.name);
      if (clash) {
        throw new ServerError(
          "tool_name_collision",
          `${clash.action.qualifiedName} and ${action.qualifiedName} both map to the MCP tool name "${entry.tool.name}": rename one of the actions`,
        );
      }
      byName.set(entry.tool.name, entry);
    }
  }
  return { tools: [...byName.values()].map((entry) => entry.tool), byName };
}
