import {
  createValidatorCompiler,
  emitValidatorRuntime,
  emitValidators,
  type ValidatorEntry,
} from "./emit-validators.ts";
import { header, shortHeader } from "./header.ts";
import type { Plan, PlannedOperation } from "./plan.ts";
import { propertyKey } from "./property-key.ts";

/** One generated file of the validators, its path relative to `src/generated/`. */
export interface ValidatorFile {
  path: string;
  contents: string;
}

const RUNTIME = "validator-runtime.gen.js";
// Local names in the index; Ajv's own names (validate10, func2, schema11…) never start with "pb".
const HELPERS = "pbHelpers";
const LOADER = "pbChunk";
const LOADED = "pbLoad";

/**
 * The precompiled validators and their types: `validators.gen.js` (+ `.d.ts`), the index, holds
 * the credentials validator and, per action and trigger, a loader of its chunk
 * `actions/<name>.gen.js` / `triggers/<name>.gen.js`, so a process loads only the validators of
 * what it runs. Actions with the same schemas share a chunk. Ajv's run-time helpers live once, in
 * `validator-runtime.gen.js`, which only the index imports: a chunk imports nothing, and its
 * default export takes the helpers and returns `{ input, output }` (see RuntimeLink). The
 * loader, typed in the index's `.d.ts`, calls it once and keeps the result.
 */
export function emitValidatorModule(plan: Plan): ValidatorFile[] {
  const files: ValidatorFile[] = [];
  const helpers = new Set<string>();
  const compiler = createValidatorCompiler();
  // Chunks by their code: actions with the same schemas (list_a, list_b…) share one file, and
  // one loader (its local name in the index), so they share its validators too.
  const byCode = new Map<string, { path: string; loader: string }>();
  const chunk = (op: PlannedOperation, folder: "actions" | "triggers") => {
    const stem = op.stubPath.replace(/^.*\//, "").replace(/\.ts$/, "");
    const entries: ValidatorEntry[] = [
      { exportName: "input", schema: op.input, pointer: `${op.pointer}/input_schema` },
    ];
    // Types come through a namespace, so no type name can clash with an import.
    let type = `{ input: ValidateFunction<types.${op.inputType}>;`;
    if (op.output !== undefined) {
      entries.push({
        exportName: "output",
        schema: op.output,
        pointer: `${op.pointer}/output_schema`,
      });
      type += ` output: ValidateFunction<types.${op.outputType}>;`;
    }
    type += " }";
    const emitted = emitValidators(entries, "", "factory", compiler);
    for (const helper of emitted.helpers) helpers.add(helper);
    let shared = byCode.get(emitted.code);
    if (shared === undefined) {
      shared = { path: `${folder}/${stem}.gen.js`, loader: `${LOADED}${byCode.size}` };
      byCode.set(emitted.code, shared);
      // The short header: a chunk per action, so every byte here counts many times over.
      files.push({ path: shared.path, contents: `${shortHeader()}${emitted.code}` });
    }
    return {
      js: `${propertyKey(op.name)}: ${shared.loader},`,
      dts: `    ${propertyKey(op.name)}: () => Promise<${type}>;`,
    };
  };
  const actions = plan.actions.map((op) => chunk(op, "actions"));
  const triggers = plan.triggers.map((op) => chunk(op, "triggers"));
  const entries: ValidatorEntry[] =
    plan.credentials === undefined
      ? []
      : [{ exportName: "credentials", schema: plan.credentials, pointer: "/auth/fields" }];
  const credentials = plan.credentials === undefined ? "" : "credentials, ";
  const helperNames = [...helpers].sort();
  // A rejected load is not kept, so a later call tries again.
  const loading =
    byCode.size === 0
      ? ""
      : `const ${HELPERS} = { ${helperNames.join(", ")} };\n` +
        `const ${LOADER} = (load) => { let loaded; return () => (loaded ??= load().then(` +
        `(chunk) => chunk.default(${HELPERS}), (error) => { loaded = undefined; throw error; })); };\n` +
        [...byCode.values()]
          .map(
            ({ path, loader }) =>
              `const ${loader} = ${LOADER}(() => import(${JSON.stringify(`./${path}`)}));\n`,
          )
          .join("");
  const tail = (local: (name: string) => string) =>
    loading +
    `export const validators = { ${credentials && `credentials: ${local("credentials")}, `}` +
    `actions: { ${actions.map((a) => a.js).join(" ")} }, ` +
    `triggers: { ${triggers.map((t) => t.js).join(" ")} } };`;
  const index = emitValidators(
    entries,
    tail,
    { module: `./${RUNTIME}`, alsoImport: loading === "" ? [] : helperNames },
    compiler,
  );
  for (const helper of index.helpers) helpers.add(helper);
  files.push({
    path: "validators.gen.js",
    contents: `${header("precompiled Ajv validators of its schemas")}${index.code}`,
  });
  if (helpers.size > 0) {
    files.push({
      path: RUNTIME,
      contents: `${header("run-time helpers shared by its validators")}${emitValidatorRuntime(helpers)}`,
    });
  }
  const credentialsTypes =
    plan.credentials === undefined
      ? []
      : ["", "export declare const credentials: ValidateFunction<types.Credentials>;"];
  files.push({
    path: "validators.gen.d.ts",
    contents: [
      header("types of validators.gen.js").trimEnd(),
      "",
      'import type { ValidateFunction } from "@plugboard/sdk";',
      'import type * as types from "./types.gen.js";',
      ...credentialsTypes,
      "",
      "/**",
      " * Every validator, in the shape `new Integration(config, { validators })` takes: each action's",
      " * and trigger's validators are loaded on first use.",
      " */",
      "export declare const validators: {",
      ...(plan.credentials === undefined
        ? []
        : ["  credentials: ValidateFunction<types.Credentials>;"]),
      "  actions: {",
      ...actions.map((a) => a.dts),
      "  };",
      "  triggers: {",
      ...triggers.map((t) => t.dts),
      "  };",
      "};",
      "",
    ].join("\n"),
  });
  return files;
}
