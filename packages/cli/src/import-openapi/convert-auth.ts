import { snakeCase } from "./action-name.ts";
import { type JsonObject, type OpenApiDocument, objectAt, stringAt } from "./description.ts";

/** How the generated `src/api.ts` puts one credential field on a request. */
export interface CredentialPlacement {
  /** The `auth.fields` property holding the value. */
  field: string;
  /** `bearer`: `Authorization: Bearer <value>`; `basic` takes `field` and `passwordField`. */
  kind: "header" | "query" | "bearer" | "basic";
  /** The header or query parameter name (`header`/`query`). */
  name?: string;
  passwordField?: string;
}

/** The `auth` section of config.json and how the handlers apply it. */
export interface ImportedAuth {
  auth: JsonObject | undefined;
  placements: CredentialPlacement[];
}

function field(label: string, help: string): JsonObject {
  return { type: "string", label, help_text: help, format: "password" };
}

/**
 * `auth` from `components.securitySchemes`: OAuth2 and OpenID Connect become platform auth
 * (the platform injects the bearer token); HTTP bearer/basic and API keys in a header or the
 * query become custom fields that `src/api.ts` puts on every request.
 */
export function convertAuth(document: OpenApiDocument, integration: string): ImportedAuth {
  const schemes = objectAt(objectAt(document.components).securitySchemes);
  const entries = Object.entries(schemes).map(([name, value]) => [name, objectAt(value)] as const);
  const oauth = entries.filter(([, s]) => s.type === "oauth2" || s.type === "openIdConnect");
  if (oauth.length > 0) {
    const scopes = new Set<string>();
    for (const [, scheme] of oauth) {
      for (const flow of Object.values(objectAt(scheme.flows))) {
        for (const scope of Object.keys(objectAt(objectAt(flow).scopes))) scopes.add(scope);
      }
    }
    return {
      auth: { type: "platform", provider: integration, scopes: [...scopes].sort() },
      placements: [],
    };
  }
  const properties: JsonObject = {};
  const placements: CredentialPlacement[] = [];
  for (const [name, scheme] of entries) {
    const key = snakeCase(name);
    const help = stringAt(scheme.description) ?? `The ${name} credential.`;
    if (scheme.type === "apiKey" && (scheme.in === "header" || scheme.in === "query")) {
      const wire = stringAt(scheme.name) ?? name;
      properties[key] = field(`${wire} (${scheme.in})`, help);
      placements.push({ field: key, kind: scheme.in, name: wire });
    } else if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer") {
      properties[key] = field("Bearer token", help);
      placements.push({ field: key, kind: "bearer" });
    } else if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "basic") {
      properties[`${key}_username`] = { type: "string", label: "Username", help_text: help };
      properties[`${key}_password`] = field("Password", help);
      placements.push({
        field: `${key}_username`,
        kind: "basic",
        passwordField: `${key}_password`,
      });
    }
  }
  if (placements.length === 0) return { auth: undefined, placements };
  // With several schemes the description lets the user pick one: none is required alone.
  const required = placements.length === 1 ? Object.keys(properties) : [];
  const fields: JsonObject = { type: "object", properties };
  if (required.length > 0) fields.required = required;
  return { auth: { type: "custom", title: "API credentials", fields }, placements };
}
