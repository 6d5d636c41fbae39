/**
 * `src/api.ts` of an imported integration: the server URL and the helpers its handlers share.
 * Created once; a person owns it afterwards.
 */
export function emitApiModule(serverUrl: string): string {
  return `/** Where the API is served, from the OpenAPI description's \`servers\`. */
export const serverUrl = ${JSON.stringify(serverUrl)};

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
