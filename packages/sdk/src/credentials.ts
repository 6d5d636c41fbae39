/** The credentials as the platform sends them: flat fields, or wrapped with their auth type. */
export type AuthInput = Record<string, unknown>;

/** How credentials arrived and what their fields are. */
export interface ResolvedAuth {
  /** `auth_type` of wrapped credentials (`"PlatformOauth2"`, `"Custom"`…), or `undefined` when flat. */
  authType: string | undefined;
  /** The credential fields themselves, flat. */
  fields: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Unwraps `{ auth_type, credentials }` into its fields; flat credentials are their own fields.
 * Wrapped means: an `auth_type` key, or `credentials` as the only key and an object.
 */
export function resolveAuth(auth: AuthInput | undefined): ResolvedAuth {
  if (!auth) return { authType: undefined, fields: {} };
  const keys = Object.keys(auth);
  const wrapped =
    "auth_type" in auth ||
    (keys.length === 1 && keys[0] === "credentials" && isObject(auth.credentials));
  if (!wrapped) return { authType: undefined, fields: auth };
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
