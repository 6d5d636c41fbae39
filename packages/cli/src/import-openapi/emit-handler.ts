import type { ImportedAction, WireField } from "./build-action.ts";
import { access, camelCase, jsdoc } from "./source-text.ts";

/** The `const` a handler file exports: the action name in camelCase. */
export function handlerConst(name: string): string {
  return camelCase(name);
}

function keysLiteral(fields: WireField[]): string {
  if (fields.every((f) => f.wire === f.key)) {
    return `[${fields.map((f) => JSON.stringify(f.wire)).join(", ")}]`;
  }
  return `{ ${fields.map((f) => `${JSON.stringify(f.wire)}: ${JSON.stringify(f.key)}`).join(", ")} }`;
}

function pathExpression(action: ImportedAction): string {
  const byWire = new Map(action.request.pathParams.map((f) => [f.wire, f.key]));
  const escaped = action.request.path.replace(/[`\\]/g, "\\$&").replace(/\$\{/g, "\\${");
  return escaped.replace(/\{([^}]+)\}/g, (whole, wire: string) => {
    const key = byWire.get(wire);
    return key === undefined ? whole : `\${encodeURIComponent(String(${access("inputs", key)}))}`;
  });
}

/**
 * The handler of an imported action: calls the endpoint (server URL, path parameters
 * substituted and encoded, query, headers, body) and returns the response body as `data`.
 * Created once; a person owns it afterwards.
 */
export function emitHandler(action: ImportedAction, baseUrl: string): string {
  const { request } = action;
  const imports = new Set<string>();
  const statements: string[] = [];
  const queryParts: string[] = [];
  if (request.query.length > 0) {
    imports.add("pick");
    queryParts.push(`...pick(inputs, ${keysLiteral(request.query)})`);
  }
  // Relative to the API root that `requests({ baseUrl })` in src/index.ts declares.
  // An operation served elsewhere (its own `servers`) gets an absolute URL, and no credentials.
  const root = request.serverUrl === baseUrl ? "" : request.serverUrl.replace(/[`\\$]/g, "\\$&");
  let url = `\`${root}${pathExpression(action)}\``;
  if (queryParts.length > 0) {
    imports.add("queryString");
    statements.push(`const query = queryString({ ${queryParts.join(", ")} });`);
    url = `\`${root}${pathExpression(action)}\${query}\``;
  }
  const options = [`method: ${JSON.stringify(request.method)}`];
  const headerParts: string[] = [];
  if (request.headers.length > 0) {
    imports.add("pick");
    imports.add("headerValues");
    headerParts.push(`...headerValues(pick(inputs, ${keysLiteral(request.headers)}))`);
  }
  if (headerParts.length > 0) options.push(`headers: { ${headerParts.join(", ")} }`);
  const body = request.body;
  if (body !== undefined) {
    const property = body.encoding === "json" ? "json" : "data";
    if ("key" in body) options.push(`${property}: ${access("inputs", body.key)}`);
    else {
      imports.add("pick");
      options.push(`${property}: pick(inputs, ${keysLiteral(body.fields)})`);
    }
  }
  const uses = (name: string) =>
    statements.some((s) => s.includes(name)) || options.join().includes(name) || url.includes(name);
  const inputsParam = uses("inputs") ? "inputs" : "_inputs";
  const doc = String(action.config.description ?? action.name);
  const helpers =
    imports.size === 0 ? "" : `import { ${[...imports].sort().join(", ")} } from "../api.ts";\n`;
  return `${helpers}import { defineAction } from "../generated/contract.gen.ts";

${jsdoc(doc)}
export const ${handlerConst(action.name)} = defineAction(${JSON.stringify(action.name)}, async (${inputsParam}, context) => {
${statements.map((s) => `  ${s}\n`).join("")}  const response = await context.fetch(${url}, {
${options.map((o) => `    ${o},\n`).join("")}  });
  return { data: response.data };
});
`;
}
