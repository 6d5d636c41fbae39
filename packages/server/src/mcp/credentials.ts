import { credentialFields, platformAuth, requiredCredentialFields } from "@plugboard/registry";
import { isObject } from "@plugboard/sdk/internal";
import { ServerError } from "../errors.ts";
import type { ServedIntegration } from "../served-integration.ts";

type Json = Record<string, unknown>;

/** Credentials per integration name, as an auth file holds them. */
export type AuthByIntegration = Record<string, Json>;

/** Where an integration's credentials were looked for, for the "missing" message. */
export interface CredentialLookup {
  /** The credentials to run with (wrapped as the platform sends them), or none. */
  auth: Json | undefined;
  /** Required fields that are absent or empty. */
  missing: string[];
  /** How to provide them, e.g. `set "notion" in auth.json or PLUGBOARD_AUTH_NOTION_ACCESS_TOKEN`. */
  hint: string;
}

/** The environment variable that holds one credential field: `PLUGBOARD_AUTH_<INTEGRATION>_<FIELD>`. */
export function credentialEnvName(integration: string, field: string): string {
  return `PLUGBOARD_AUTH_${integration}_${field}`.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

/** Checks an auth file's shape: `{ "<integration>": { "<field>": … } }`, flat or wrapped. */
export function parseAuthFile(value: unknown, file: string): AuthByIntegration {
  if (!isObject(value)) {
    throw new ServerError(
      "invalid_auth_file",
      `${file}: expected an object keyed by integration name, e.g. { "notion": { "access_token": "…" } }`,
    );
  }
  for (const [name, auth] of Object.entries(value)) {
    if (!isObject(auth)) {
      throw new ServerError(
        "invalid_auth_file",
        `${file}#/${name}: expected an object of credential fields, e.g. { "api_key": "…" }`,
      );
    }
  }
  return value as AuthByIntegration;
}

type Integration = Pick<ServedIntegration, "name" | "config">;

function authOf(integration: Integration): Json | undefined {
  return integration.config.auth as Json | undefined;
}

function declaredFields(authConfig: Json | undefined): string[] {
  if (!authConfig) return [];
  if (authConfig.type === "platform") return ["access_token"];
  const fields = authConfig.fields;
  if (isObject(fields) && isObject(fields.properties)) return Object.keys(fields.properties);
  return requiredCredentialFields(authConfig);
}

function fromEnvironment(integration: Integration, env: NodeJS.ProcessEnv): Json {
  const found: Json = {};
  for (const field of declaredFields(authOf(integration))) {
    const value = env[credentialEnvName(integration.name, field)];
    if (value !== undefined && value !== "") found[field] = value;
  }
  return found;
}

/**
 * Finds an integration's credentials: its entry in the auth file when there is one, otherwise
 * the `PLUGBOARD_AUTH_<INTEGRATION>_<FIELD>` variables of its declared fields. Reports which
 * required fields are missing rather than throwing, so the caller decides how to fail.
 */
export function lookupCredentials(
  integration: Integration,
  sources: {
    authFile?: AuthByIntegration | undefined;
    authFileName?: string;
    env?: NodeJS.ProcessEnv;
  },
): CredentialLookup {
  const fileEntry = sources.authFile?.[integration.name];
  const raw = fileEntry ?? fromEnvironment(integration, sources.env ?? {});
  const fields = credentialFields(raw);
  const missing = requiredCredentialFields(authOf(integration)).filter(
    (name) => fields[name] === undefined || fields[name] === null || fields[name] === "",
  );
  const where = sources.authFileName
    ? `set "${integration.name}" in ${sources.authFileName} or `
    : "pass --auth-file or set ";
  const vars = missing.map((field) => credentialEnvName(integration.name, field)).join(", ");
  const empty = Object.keys(raw).length === 0;
  return {
    auth: empty ? undefined : platformAuth(authOf(integration), raw),
    missing,
    hint: `${where}${vars}`,
  };
}
