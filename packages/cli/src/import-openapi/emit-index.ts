import { handlerConst } from "./emit-handler.ts";
import { jsdoc } from "./source-text.ts";

/** `src/index.ts` of an imported integration: every handler, checked against `Handlers`. */
export function emitIndex(names: string[], displayName: string): string {
  const sorted = [...names].sort();
  const imports = sorted.map(
    (name) => `import { ${handlerConst(name)} } from "./actions/${name}.ts";`,
  );
  const entries = names.map((name) => `    ${name}: ${handlerConst(name)},`);
  return `${imports.join("\n")}
import { createIntegration, type Handlers } from "./generated/contract.gen.ts";

${jsdoc(`The ${displayName} integration, ready to execute actions.`)}
export const integration = createIntegration({
  actions: {
${entries.join("\n")}
  } satisfies Handlers,
});
`;
}
