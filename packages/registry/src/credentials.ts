import { isObject, isWrappedAuth, resolveAuth } from "@plugboard/sdk/internal";
import { RegistryError } from "./errors.ts";

type Json = Record<string, unknown>;

/**
 * The credential fields of an auth object, whether flat or `{ auth_type, credentials }`: the
 * SDK's `resolveAuth` decides which, so a local run and the runtime never disagree.
 */
export function credentialFields(auth: Json | undefined): Json {
  return resolveAuth(auth).fields;
}

/** The credential fields an integration's `auth` section requires. */
export function requiredCredentialFields(authConfig: Json | undefined): string[] {
  if (!authConfig) return [];
  if (authConfig.type === "platform") return ["access_token"];
  const fields = authConfig.fields;
  if (isObject(fields) && Array.isArray(fields.required)) return fields.required.map(String);
  return [];
}

/** Fails with the names of every required credential field that `auth` lacks. */
export function assertCredentials(
  integration: string,
  authConfig: Json | undefined,
  auth: Json | undefined,
  hint: string,
): void {
  const fields = credentialFields(auth);
  const missing = requiredCredentialFields(authConfig).filter(
    (name) => fields[name] === undefined || fields[name] === null || fields[name] === "",
  );
  if (missing.length === 0) return;
  throw new RegistryError(
    "missing_credentials",
    `${integration} needs credentials: missing ${missing.map((m) => `"${m}"`).join(", ")}${hint}`,
  );
}

/** Wraps flat platform credentials the way the platform sends them. */
export function platformAuth(
  authConfig: Json | undefined,
  auth: Json | undefined,
): Json | undefined {
  if (auth === undefined || authConfig?.type !== "platform" || isWrappedAuth(auth)) return auth;
  return { auth_type: "PlatformOauth2", credentials: auth };
}
