import { isObject } from "./utils.ts";

/** The credentials as the platform sends them: flat fields, or wrapped with their auth type. */
export type AuthInput = Record<string, unknown>;

/** How credentials arrived and what their fields are. */
export interface ResolvedAuth {
  /** `auth_type` of wrapped credentials (`"PlatformOauth2"`, `"Custom"`…), or `undefined` when flat. */
  authType: string | undefined;
  /** The credential fields themselves, flat. */
  fields: Record<string, unknown>;
}

/**
 * Whether credentials arrived wrapped (`{ auth_type, credentials }`) rather than flat: the one
 * place that decides. Wrapped means an `auth_type` key, or `credentials` as the only key and an
 * object.
 */
export function isWrappedAuth(auth: AuthInput): boolean {
  const keys = Object.keys(auth);
  return (
    "auth_type" in auth ||
    (keys.length === 1 && keys[0] === "credentials" && isObject(auth.credentials))
  );
}

/** Unwraps `{ auth_type, credentials }` into its fields; flat credentials are their own fields. */
export function resolveAuth(auth: AuthInput | undefined): ResolvedAuth {
  if (!auth) return { authType: undefined, fields: {} };
  if (!isWrappedAuth(auth)) return { authType: undefined, fields: auth };
  const authType = typeof auth.auth_type === "string" ? auth.auth_type : undefined;
  return { authType, fields: isObject(auth.credentials) ? auth.credentials : {} };
}

/**
 * The bearer token to inject, following the Python SDK: wrapped credentials whose `auth_type`
 * is `PlatformOauth2` (or absent) and that hold an `access_token`. Other types inject nothing.
 */
export function bearerToken(auth: AuthInput | undefined): string | undefined {
  if (!auth || !isObject(auth.credentials)) return undefined;
  const authType = auth.auth_type ?? "PlatformOauth2";
  const token = auth.credentials.access_token;
  return authType === "PlatformOauth2" && typeof token === "string" && token ? token : undefined;
}
