import { closest } from "fastest-levenshtein";
import { RegistryError } from "./errors.ts";
import type { Registry, RegistryEntry, RegistryIntegration } from "./registry.ts";

/** " Did you mean "x"?" for the closest of `candidates`, or nothing when there are none. */
export function suggestion(name: string, candidates: string[]): string {
  if (candidates.length === 0) return "";
  return ` Did you mean "${closest(name, candidates)}"?`;
}

/**
 * Finds an integration by folder name, suggesting the closest name when it is unknown; an
 * integration whose config.json is broken fails with that problem (file:line:column), not as
 * an unknown name.
 */
export function resolveIntegration(registry: Registry, name: string): RegistryIntegration {
  const found = registry.integrations.find((integration) => integration.name === name);
  if (found) return found;
  const broken = registry.problems.find((problem) => problem.name === name);
  if (broken) throw new RegistryError("invalid_config", broken.message);
  const names = registry.integrations.map((integration) => integration.name);
  const known =
    names.length === 0 ? " The workspace has no integrations." : suggestion(name, names);
  throw new RegistryError("unknown_integration", `unknown integration "${name}".${known}`);
}

/**
 * Finds `<integration>.<name>` in the registry, an action or a polling trigger (narrowed to
 * `kinds` when given), suggesting the closest name when unknown.
 */
export function resolveAction(
  registry: Registry,
  qualifiedName: string,
  kinds: Array<RegistryEntry["kind"]> = ["action", "polling_trigger"],
): { integration: RegistryIntegration; entry: RegistryEntry } {
  const dot = qualifiedName.indexOf(".");
  if (dot <= 0 || dot === qualifiedName.length - 1) {
    throw new RegistryError(
      "invalid_name",
      `expected <integration>.<action or trigger>, got "${qualifiedName}" (see \`plugboard list\`)`,
    );
  }
  const integration = resolveIntegration(registry, qualifiedName.slice(0, dot));
  const name = qualifiedName.slice(dot + 1);
  const candidates = integration.entries.filter((entry) => kinds.includes(entry.kind));
  const entry = candidates.find((candidate) => candidate.name === name);
  if (entry) return { integration, entry };
  const names = candidates.map((candidate) => candidate.qualifiedName);
  const what = kinds.length === 1 && kinds[0] === "polling_trigger" ? "trigger" : "action";
  const other = integration.entries.find((candidate) => candidate.name === name);
  const hint = other
    ? ` "${qualifiedName}" is ${other.kind === "action" ? "an action" : "a polling trigger"}: use \`plugboard ${other.kind === "action" ? "run" : "poll"}\`.`
    : suggestion(qualifiedName, names);
  throw new RegistryError(
    what === "trigger" ? "unknown_trigger" : "unknown_action",
    `unknown ${what} "${qualifiedName}".${hint}`,
  );
}
