import type { CredentialPlacement } from "./convert-auth.ts";
import { handlerConst } from "./emit-handler.ts";
import { jsdoc } from "./source-text.ts";

/** The `auth` option of `requests(...)` that puts a credential where the description says. */
function requestAuth(placement: CredentialPlacement | undefined): string {
  if (placement === undefined) return "";
  const field = JSON.stringify(placement.field);
  const wire = placement.name ?? "";
  const name = /^[A-Za-z_$][\w$]*$/.test(wire) ? wire : JSON.stringify(wire);
  const value = {
    header: `headers: { ${name}: ${field} }`,
    query: `query: { ${name}: ${field} }`,
    bearer: `headers: { Authorization: (credentials) => \`Bearer \${credentials[${field}]}\` }`,
    basic: `basic: { username: ${field}, password: ${JSON.stringify(placement.passwordField)} }`,
  }[placement.kind];
  return `\n  auth: { ${value} },`;
}

/**
 * `src/index.ts` of an imported integration: every handler, checked against `Handlers`, and
 * `requests(...)`: the API root relative URLs resolve against, and its authorization.
 */
export function emitIndex(
  names: string[],
  displayName: string,
  placement: CredentialPlacement | undefined,
): string {
  const sorted = [...names].sort();
  const imports = sorted.map(
    (name) => `import { ${handlerConst(name)} } from "./actions/${name}.ts";`,
  );
  const entries = names.map((name) => `    ${name}: ${handlerConst(name)},`);
  return `${imports.join("\n")}
import { serverUrl } from "./api.ts";
import { createIntegration, type Handlers } from "./generated/contract.gen.ts";

${jsdoc(`The ${displayName} integration, ready to execute actions.`)}
export const integration = createIntegration({
  actions: {
${entries.join("\n")}
  } satisfies Handlers,
}).requests({
  baseUrl: serverUrl,${requestAuth(placement)}
});
`;
}
