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
  /** Security schemes left out: a second way in, or a kind Plugboard cannot apply (cookie…). */
  unused: string[];
}

function field(label: string, help: string): JsonObject {
  return { type: "string", label, help_text: help, format: "password" };
}

/**
 * `auth` from `components.securitySchemes`: OAuth2 and OpenID Connect become platform auth
 * (the platform injects the bearer token); otherwise the first HTTP bearer/basic scheme or API
 * key in a header or the query becomes custom fields that the integration's `requests(...)`
 * puts on every request to the API.
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
      unused: entries.filter(([, s]) => !oauth.some(([, o]) => o === s)).map(([name]) => name),
    };
  }
  // The description's `security` order first: it says which scheme the API prefers.
  const preferred = (Array.isArray(document.security) ? document.security : []).flatMap((req) =>
    Object.keys(objectAt(req)),
  );
  entries.sort(
    ([a], [b]) =>
      (preferred.includes(a) ? preferred.indexOf(a) : preferred.length) -
      (preferred.includes(b) ? preferred.indexOf(b) : preferred.length),
  );
  const properties: JsonObject = {};
  const placements: CredentialPlacement[] = [];
  const unused: string[] = [];
  for (const [name, scheme] of entries) {
    const key = snakeCase(name);
    const help = stringAt(scheme.description) ?? `The ${name} credential.`;
    const before = placements.length;
    if (placements.length > 0) {
      // One way in is enough: the user enters one credential, not one per scheme.
    } else if (scheme.type === "apiKey" && (scheme.in === "header" || scheme.in === "query")) {
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
    if (placements.length === before) unused.push(name);
  }
  if (placements.length === 0) return { auth: undefined, placements, unused };
  const fields: JsonObject = { type: "object", properties, required: Object.keys(properties) };
  return { auth: { type: "custom", title: "API credentials", fields }, placements, unused };
}
