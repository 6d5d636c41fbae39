import { emitValidators, type ValidatorEntry, validatorKey } from "./emit-validators.ts";
import { header } from "./header.ts";
import type { Plan, PlannedOperation } from "./plan.ts";
import { propertyKey, stringLiteral } from "./property-key.ts";

/** One generated file of the validators, its path relative to `src/generated/`. */
export interface ValidatorFile {
  path: string;
  contents: string;
}

/**
 * The precompiled validators, readable and one file per action or trigger:
 * `actions/<name>.gen.js` / `triggers/<name>.gen.js` export its `input` and `output`
 * validators; `credentials.gen.js` the credentials validator; `validators.gen.js` (+ `.d.ts`)
 * gathers them in the shape `new Integration(config, { validators })` takes, each action's file
 * imported on first use, so a process loads only the validators of what it runs. Actions with
 * the same schemas share one file; a schema an earlier file already validates (the ticket
 * that `get_ticket` returns and `update_ticket` returns again) is re-exported from it by name
 * rather than printed twice.
 */
export function emitValidatorModule(plan: Plan): ValidatorFile[] {
  const files: ValidatorFile[] = [];
  // Files by what they validate (export names and schemas): actions with the same schemas
  // (list_a, list_b…) share one, and Ajv compiles each file once.
  const byKey = new Map<string, { path: string; names: string[] }>();
  // Each validator printed so far, by its schema: where it is and under which export.
  const printed = new Map<string, { path: string; exportName: string }>();
  const contents = new Map<string, string>();
  // A new file's code: its validators printed, except those an earlier file already exports.
  const moduleCode = (path: string, entries: ValidatorEntry[], keys: string[]): string => {
    const own: ValidatorEntry[] = [];
    const reexports: string[] = [];
    entries.forEach((entry, i) => {
      const key = keys[i] as string;
      const earlier = printed.get(key);
      if (earlier === undefined || earlier.path === path) {
        own.push(entry);
        printed.set(key, { path, exportName: entry.exportName });
        return;
      }
      const name =
        earlier.exportName === entry.exportName
          ? entry.exportName
          : `${earlier.exportName} as ${entry.exportName}`;
      reexports.push(`export { ${name} } from ${stringLiteral(relativePath(path, earlier.path))};`);
    });
    const code = own.length === 0 ? "" : emitValidators(own);
    if (reexports.length === 0) return code;
    return `${reexports.join("\n")}\n${code === "" ? "" : `\n${code}`}`;
  };
  const fileOf = (op: PlannedOperation, folder: "actions" | "triggers") => {
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
    const keys = entries.map((entry) => validatorKey(entry.schema));
    const fileKey = JSON.stringify(entries.map((entry, i) => [entry.exportName, keys[i]]));
    let shared = byKey.get(fileKey);
    if (shared === undefined) {
      const path = `${folder}/${stem}.gen.js`;
      shared = { path, names: [] };
      byKey.set(fileKey, shared);
      contents.set(path, moduleCode(path, entries, keys));
    }
    shared.names.push(op.name);
    return {
      js: `    ${propertyKey(op.name)}: () => import(${stringLiteral(`./${shared.path}`)}),`,
      dts: `    ${propertyKey(op.name)}: () => Promise<${type}>;`,
    };
  };
  const actions = plan.actions.map((op) => fileOf(op, "actions"));
  const triggers = plan.triggers.map((op) => fileOf(op, "triggers"));
  for (const { path, names } of byKey.values()) {
    const kind = path.startsWith("actions/") ? "action" : "polling trigger";
    const what = names.map(stringLiteral).join(", ");
    files.push({
      path,
      contents: `${header(`Ajv validators of the ${what} ${kind}${names.length > 1 ? "s" : ""}`)}\n${contents.get(path)}`,
    });
  }
  if (plan.credentials !== undefined) {
    const code = emitValidators([
      { exportName: "credentials", schema: plan.credentials, pointer: "/auth/fields" },
    ]);
    files.push({
      path: "credentials.gen.js",
      contents: `${header("the Ajv validator of the credentials (auth.fields)")}\n${code}`,
    });
  }
  const credentials = plan.credentials !== undefined;
  files.push({
    path: "validators.gen.js",
    contents: [
      header("every validator, each action's loaded on first use").trimEnd(),
      "",
      ...(credentials
        ? ['import { credentials } from "./credentials.gen.js";', "", "export { credentials };", ""]
        : []),
      "export const validators = {",
      ...(credentials ? ["  credentials,"] : []),
      "  actions: {",
      ...actions.map((a) => a.js),
      "  },",
      "  triggers: {",
      ...triggers.map((t) => t.js),
      "  },",
      "};",
      "",
    ].join("\n"),
  });
  files.push({
    path: "validators.gen.d.ts",
    contents: [
      header("types of validators.gen.js").trimEnd(),
      "",
      'import type { ValidateFunction } from "@plugboard/sdk";',
      'import type * as types from "./types.gen.js";',
      "",
      ...(credentials
        ? ["export declare const credentials: ValidateFunction<types.Credentials>;", ""]
        : []),
      "/**",
      " * Every validator, in the shape `new Integration(config, { validators })` takes: each action's",
      " * and trigger's validators are loaded on first use.",
      " */",
      "export declare const validators: {",
      ...(credentials ? ["  credentials: ValidateFunction<types.Credentials>;"] : []),
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

/** The import specifier of `to` from `from`, both relative to `src/generated/`. */
function relativePath(from: string, to: string): string {
  const [fromFolder] = from.split("/");
  const [toFolder, file] = to.split("/");
  return fromFolder === toFolder ? `./${file}` : `../${toFolder}/${file}`;
}
