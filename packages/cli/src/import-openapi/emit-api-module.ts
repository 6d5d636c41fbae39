import type { CredentialPlacement } from "./convert-auth.ts";
import { access } from "./source-text.ts";

function authorizeBody(placements: CredentialPlacement[]): string {
  const lines = placements.map((p) => {
    const value = access("fields", p.field);
    if (p.kind === "header")
      return `  if (${value}) headers[${JSON.stringify(p.name)}] = String(${value});`;
    if (p.kind === "query")
      return `  if (${value}) query[${JSON.stringify(p.name)}] = String(${value});`;
    if (p.kind === "bearer")
      return `  if (${value}) headers.Authorization = \`Bearer \${String(${value})}\`;`;
    const password = access("fields", p.passwordField ?? "");
    return [
      `  if (${value}) {`,
      `    const pair = \`\${String(${value})}:\${String(${password} ?? "")}\`;`,
      `    headers.Authorization = \`Basic \${Buffer.from(pair).toString("base64")}\`;`,
      "  }",
    ].join("\n");
  });
  return lines.join("\n");
}

/**
 * `src/api.ts` of an imported integration: the server URL and the helpers its handlers share.
 * Created once; a person owns it afterwards.
 */
export function emitApiModule(serverUrl: string, placements: CredentialPlacement[]): string {
  const authorize =
    placements.length === 0
      ? ""
      : `
/** Credentials as request headers and query parameters, as the description's securitySchemes say. */
export function authorize(credentials: object): {
  headers: Record<string, string>;
  query: Record<string, string>;
} {
  const fields = credentials as Record<string, unknown>;
  const headers: Record<string, string> = {};
  const query: Record<string, string> = {};
${authorizeBody(placements)}
  return { headers, query };
}
`;
  return `/** Where the API is served, from the OpenAPI description's \`servers\`. */
export const serverUrl = ${JSON.stringify(serverUrl)};
${authorize}
/**
 * The values of \`inputs\` under \`keys\` (a list, or wire name → input key), without the
 * absent ones.
 */
export function pick(
  inputs: object,
  keys: readonly string[] | Readonly<Record<string, string>>,
): Record<string, unknown> {
  const values = inputs as Record<string, unknown>;
  const pairs = Array.isArray(keys) ? keys.map((key) => [key, key]) : Object.entries(keys);
  const picked: Record<string, unknown> = {};
  for (const [wire, key] of pairs) {
    if (values[key] !== undefined) picked[wire] = values[key];
  }
  return picked;
}

/**
 * \`?name=value…\` in OpenAPI's default \`form\` style: an array repeats its name, an object
 * spreads its properties as \`name[property]\`; \`""\` when there is nothing to send.
 */
export function queryString(values: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) search.append(name, String(item));
    else if (typeof value === "object") {
      for (const [key, item] of Object.entries(value)) search.append(\`\${name}[\${key}]\`, String(item));
    } else search.append(name, String(value));
  }
  const text = search.toString();
  return text === "" ? "" : \`?\${text}\`;
}

/** Header parameters as strings (arrays comma-joined, OpenAPI's \`simple\` style). */
export function headerValues(values: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    headers[name] = Array.isArray(value) ? value.join(",") : String(value);
  }
  return headers;
}
`;
}
