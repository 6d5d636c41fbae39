import type { ServedIntegration } from "./served-integration.ts";

/** What `GET /integrations` lists for one integration, in config.json's wire names. */
export interface IntegrationDescription {
  name: string;
  display_name: string | null;
  description: string;
  version: string;
  auth: unknown;
  /** Declared secrets: names and keys, never values. */
  secrets: Array<{ name: string; keys: string[]; optional_keys: string[] }>;
  supports_connected_account: boolean;
  actions: OperationDescription[];
  triggers: OperationDescription[];
}

/** One action or trigger under its qualified name `<integration>.<name>`. */
export interface OperationDescription {
  qualified_name: string;
  name: string;
  display_name: string | null;
  description: string;
  input_schema: unknown;
  output_schema: unknown;
  secrets: string[];
  polling_interval?: string;
}

/** The registry as `GET /integrations` serves it. */
export function describeIntegrations(
  integrations: readonly ServedIntegration[],
): IntegrationDescription[] {
  return integrations.map(({ name, config }) => ({
    name,
    display_name: config.display_name ?? null,
    description: config.description,
    version: config.version,
    auth: config.auth ?? null,
    secrets: (config.secrets ?? []).map((s) => ({
      name: s.name,
      keys: s.keys ?? [],
      optional_keys: s.optional_keys ?? [],
    })),
    supports_connected_account: config.supports_connected_account ?? false,
    actions: Object.entries(config.actions).map(([action, spec]) => ({
      qualified_name: `${name}.${action}`,
      name: action,
      display_name: spec.display_name ?? null,
      description: spec.description,
      input_schema: spec.input_schema,
      output_schema: spec.output_schema,
      secrets: spec.secrets ?? [],
    })),
    triggers: Object.entries(config.polling_triggers ?? {}).map(([trigger, spec]) => ({
      qualified_name: `${name}.${trigger}`,
      name: trigger,
      display_name: spec.display_name ?? null,
      description: spec.description,
      input_schema: spec.input_schema,
      output_schema: spec.output_schema,
      secrets: spec.secrets ?? [],
      polling_interval: spec.polling_interval,
    })),
  }));
}
