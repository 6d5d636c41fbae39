import type { IntegrationConfig } from "./config-types.ts";
import { ConfigurationError } from "./errors.ts";

/** Operator-held secret values as an execution receives them, by key (`PERPLEXITY_API_KEY`). */
export type SecretValues = Readonly<Record<string, string>>;

/** The secret keys one action or trigger declares: those it needs, and those it may use. */
export interface DeclaredSecretKeys {
  required: string[];
  optional: string[];
}

const NONE: DeclaredSecretKeys = { required: [], optional: [] };

/** The keys of the secrets an action (`"actions"`) or trigger (`"polling_triggers"`) declares. */
export function declaredSecretKeys(
  config: IntegrationConfig,
  section: "actions" | "polling_triggers",
  name: string,
): DeclaredSecretKeys {
  const names = config[section]?.[name]?.secrets;
  if (!names || names.length === 0) return NONE;
  const required: string[] = [];
  const optional: string[] = [];
  for (const declaration of config.secrets ?? []) {
    if (!names.includes(declaration.name)) continue;
    required.push(...(declaration.keys ?? []));
    optional.push(...(declaration.optional_keys ?? []));
  }
  return { required, optional };
}

/** The secret names of an action or trigger that hold `key`, for error messages. */
function owners(config: IntegrationConfig, key: string): string {
  const names = (config.secrets ?? [])
    .filter((d) => d.keys?.includes(key))
    .map((d) => `"${d.name}"`);
  return names.join(", ");
}

/**
 * Throws `ConfigurationError` (`missing_secret`) when a required key of the secrets `name`
 * declares is absent or empty in `secrets`. The message names the key, never a value.
 */
export function assertSecrets(
  config: IntegrationConfig,
  section: "actions" | "polling_triggers",
  name: string,
  secrets: SecretValues,
): void {
  const { required } = declaredSecretKeys(config, section, name);
  const missing = required.filter((key) => !secrets[key]);
  if (missing.length === 0) return;
  const label = section === "actions" ? "Action" : "Polling trigger";
  const list = missing.map((key) => `${key} (secret ${owners(config, key)})`).join(", ");
  throw new ConfigurationError(
    `${label} "${name}" of ${config.name} needs secret ${missing.length > 1 ? "keys" : "key"} ${list}, not set: give the runner ${missing.length > 1 ? "them" : "it"} (environment variable or secrets file)`,
    { code: "missing_secret", pointer: `/${section}/${name}/secrets` },
  );
}

/**
 * Picks, from `source`, the values of the keys an action or trigger declares — only those,
 * so an undeclared secret never reaches its handler. Absent keys are left out.
 */
export async function pickSecrets(
  config: IntegrationConfig,
  section: "actions" | "polling_triggers",
  name: string,
  source: SecretSource,
): Promise<Record<string, string>> {
  const { required, optional } = declaredSecretKeys(config, section, name);
  const picked: Record<string, string> = {};
  for (const key of [...required, ...optional]) {
    const value = await source.get(key);
    if (typeof value === "string" && value !== "") picked[key] = value;
  }
  return picked;
}

/**
 * Where the operator's secret values come from. A runner asks only for the keys the action it
 * runs declares; implement it to read a vault, SSM or Secrets Manager.
 */
export interface SecretSource {
  /** The value of `key` (e.g. `"PERPLEXITY_API_KEY"`), or `undefined` when it is not set. */
  get(key: string): string | undefined | Promise<string | undefined>;
}

/** Secrets from environment variables: the default source (`process.env` unless given). */
export function envSecretSource(env: NodeJS.ProcessEnv = process.env): SecretSource {
  return { get: (key) => env[key] };
}
