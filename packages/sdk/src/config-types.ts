/** A JSON Schema (draft-07) object as it appears in config.json. */
export type JsonSchema = { [keyword: string]: unknown };

/** One action of an integration, as declared under `actions`. */
export interface ActionConfig {
  display_name?: string;
  description: string;
  input_schema: JsonSchema;
  output_schema: JsonSchema;
  /** Names of the top-level `secrets` this action reads through `context.secrets`. */
  secrets?: string[];
}

/** One polling trigger of an integration, as declared under `polling_triggers`. */
export interface PollingTriggerConfig {
  display_name?: string;
  description: string;
  /** How often the platform polls: `"30s"`, `"5m"`, `"2h"` or `"1d"`. */
  polling_interval: string;
  /**
   * How `integration.poll` drops records earlier polls saw (Plugboard's key; the Python SDK
   * ignores it): `unique` ids within a window, `greatest` numeric id, or after the `last` id.
   */
  dedupe?: "unique" | "greatest" | "last";
  input_schema: JsonSchema;
  output_schema: JsonSchema;
  /** Names of the top-level `secrets` this trigger reads through `context.secrets`. */
  secrets?: string[];
}

/**
 * An operator-held secret, declared at the top level of config.json (Tracecat's
 * `RegistrySecret`): its `keys` must be set wherever an action using it runs, its
 * `optional_keys` may be. Values come from the runner's secret source, never from the caller.
 */
export interface SecretDeclaration {
  name: string;
  keys?: string[];
  optional_keys?: string[];
}

/** OAuth managed by the platform: credentials arrive as `{ auth_type, credentials: { access_token } }`. */
export interface PlatformAuthConfig {
  type: "platform";
  provider?: string;
  scopes?: string[];
  [key: string]: unknown;
}

/** Fields the user enters (API keys, subdomains…), described by a JSON Schema. */
export interface CustomAuthConfig {
  type: "custom";
  title?: string;
  fields: JsonSchema;
  [key: string]: unknown;
}

/** Any other auth declaration (e.g. `oauth2_pkce`); `fields`, when present, are validated. */
export interface OtherAuthConfig {
  type: string;
  fields?: JsonSchema;
  [key: string]: unknown;
}

/** The `auth` section of config.json. */
export type AuthConfig = PlatformAuthConfig | CustomAuthConfig | OtherAuthConfig;

/** A parsed, structurally checked config.json. */
export interface IntegrationConfig {
  name: string;
  version: string;
  display_name?: string;
  description: string;
  entry_point: string;
  auth?: AuthConfig;
  actions: Record<string, ActionConfig>;
  polling_triggers?: Record<string, PollingTriggerConfig>;
  /** Operator-held secrets that actions and triggers may declare they use. */
  secrets?: SecretDeclaration[];
  supports_connected_account?: boolean;
  supports_billing?: boolean;
  /**
   * Fill inputs from their schema's `default`s before handlers run (Plugboard's key; off by
   * default, as the Python SDK never applies defaults).
   */
  apply_defaults?: boolean;
}
