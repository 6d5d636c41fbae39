import { closest } from "fastest-levenshtein";
import { RegistryError } from "./errors.ts";
import type { Registry, RegistryEntry, RegistryIntegration } from "./registry.ts";

/** " Did you mean "x"?" for the closest of `candidates`, or nothing when there are none. */
export function suggestion(name: string, candidates: string[]): string {
  if (candidates.length === 0) return "";
  return ` Did you mean "${closest(name, candidates)}"?`;
}

/** Finds an integration by folder name, suggesting the closest name when it is unknown. */
export function resolveIntegration(registry: Registry, name: string): RegistryIntegration {
  const found = registry.integrations.find((integration) => integration.name === name);
  if (found) return found;
  const names = registry.integrations.map((integration) => integration.name);
  const known =
    names.length === 0 ? " The workspace has no integrations." : suggestion(name, names);
  throw new RegistryError("unknown_integration", `unknown integration "${name}".${known}`);
}

/** Finds `<integration>.<action>` in the registry, suggesting the closest name when unknown. */
export function resolveAction(
  registry: Registry,
  qualifiedName: string,
): { integration: RegistryIntegration; entry: RegistryEntry } {
  const dot = qualifiedName.indexOf(".");
  if (dot <= 0 || dot === qualifiedName.length - 1) {
    throw new RegistryError(
      "invalid_name",
      `expected <integration>.<action>, got "${qualifiedName}" (see \`plugboard list\`)`,
    );
  }
  const integration = resolveIntegration(registry, qualifiedName.slice(0, dot));
  const name = qualifiedName.slice(dot + 1);
  const actions = integration.entries.filter((entry) => entry.kind === "action");
  const entry = actions.find((candidate) => candidate.name === name);
  if (entry) return { integration, entry };
  const names = actions.map((candidate) => candidate.qualifiedName);
  throw new RegistryError(
    "unknown_action",
    `unknown action "${qualifiedName}".${suggestion(qualifiedName, names)}`,
  );
}
