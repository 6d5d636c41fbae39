import { readFile } from "node:fs/promises";
import path from "node:path";
import { locateSyntaxError } from "@plugboard/sdk";
import { isObject } from "@plugboard/sdk/internal";
import { RegistryError } from "./errors.ts";
import { listIntegrationDirs } from "./find-integrations.ts";

/** A JSON Schema as config.json holds it. */
export type Schema = Record<string, unknown>;

/** One action or polling trigger, under its qualified name `<integration>.<name>`. */
export interface RegistryEntry {
  qualifiedName: string;
  integration: string;
  name: string;
  kind: "action" | "polling_trigger";
  displayName: string | undefined;
  description: string;
  inputSchema: Schema;
  /** Polling triggers: config.json's `polling_interval` (`"5m"`), when it has one. */
  pollingInterval: string | undefined;
}

/** One integration of the workspace, named after its folder. */
export interface RegistryIntegration {
  name: string;
  dir: string;
  displayName: string | undefined;
  description: string;
  auth: Schema | undefined;
  /** config.json's `supports_connected_account`: the integration has an account handler. */
  supportsConnectedAccount: boolean;
  entries: RegistryEntry[];
}

/** An integration whose config.json could not be read. */
export interface RegistryProblem {
  dir: string;
  /** The integration's folder name, as a qualified name would spell it. */
  name: string;
  /** `<file>:<line>:<column>: …` for a syntax error, `<file>: …` otherwise. */
  message: string;
}

/** Every integration in a workspace, read from `integrations/<name>/config.json`. */
export interface Registry {
  integrations: RegistryIntegration[];
  problems: RegistryProblem[];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function entriesOf(integration: string, section: unknown, kind: RegistryEntry["kind"]) {
  if (!isObject(section)) return [];
  return Object.entries(section).map(([name, spec]): RegistryEntry => {
    const item = isObject(spec) ? spec : {};
    return {
      qualifiedName: `${integration}.${name}`,
      integration,
      name,
      kind,
      displayName: text(item.display_name),
      description: text(item.description) ?? "",
      inputSchema: isObject(item.input_schema) ? item.input_schema : {},
      pollingInterval: text(item.polling_interval),
    };
  });
}

/** Reads one integration folder's config.json into registry form. */
export async function readIntegration(dir: string): Promise<RegistryIntegration> {
  const file = path.join(dir, "config.json");
  const shown = path.relative(process.cwd(), file) || file;
  const source = await readFile(file, "utf8");
  let config: unknown;
  try {
    config = JSON.parse(source);
  } catch (error) {
    // file:line:column, as editors and terminals link it; the raw message names a byte offset.
    const { line, column, found } = locateSyntaxError(source, error);
    throw new RegistryError(
      "invalid_config",
      `${shown}:${line}:${column}: invalid JSON: unexpected ${found}; fix the syntax there`,
      { cause: error },
    );
  }
  if (!isObject(config)) {
    throw new RegistryError("invalid_config", `${shown}: expected a JSON object at the top level`);
  }
  const name = path.basename(dir);
  return {
    name,
    dir,
    displayName: text(config.display_name),
    description: text(config.description) ?? "",
    auth: isObject(config.auth) ? config.auth : undefined,
    supportsConnectedAccount: config.supports_connected_account === true,
    entries: [
      ...entriesOf(name, config.actions, "action"),
      ...entriesOf(name, config.polling_triggers, "polling_trigger"),
    ],
  };
}

/** Loads the registry of a workspace; unreadable configs are reported, not fatal. */
export async function loadRegistry(root: string): Promise<Registry> {
  const registry: Registry = { integrations: [], problems: [] };
  for (const dir of await listIntegrationDirs(root)) {
    try {
      registry.integrations.push(await readIntegration(dir));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const file = path.relative(process.cwd(), path.join(dir, "config.json"));
      registry.problems.push({
        dir,
        name: path.basename(dir),
        message: error instanceof RegistryError ? message : `${file}: ${message}`,
      });
    }
  }
  return registry;
}
