import { emitValidators, type ValidatorEntry } from "./emit-validators.ts";
import { header } from "./header.ts";
import type { Plan, PlannedOperation } from "./plan.ts";
import { propertyKey } from "./property-key.ts";

/** `validators.gen.js` and `validators.gen.d.ts`: precompiled validators and their types. */
export function emitValidatorModule(plan: Plan): { js: string; dts: string } {
  const entries: ValidatorEntry[] = [];
  const declarations: string[] = [];
  const add = (
    exportName: string,
    typeName: string,
    schema: ValidatorEntry["schema"],
    pointer: string,
  ) => {
    entries.push({ exportName, schema, pointer });
    declarations.push(`export declare const ${exportName}: ValidateFunction<${typeName}>;`);
  };
  const group = (ops: PlannedOperation[]) =>
    ops.map((op) => {
      add(op.inputValidator, op.inputType, op.input, `${op.pointer}/input_schema`);
      if (op.output !== undefined)
        add(op.outputValidator, op.outputType, op.output, `${op.pointer}/output_schema`);
      const output = op.output === undefined ? "" : ` output: ${op.outputValidator},`;
      const outputType =
        op.output === undefined ? "" : ` output: ValidateFunction<${op.outputType}>;`;
      return {
        js: `${propertyKey(op.name)}: { input: ${op.inputValidator},${output} },`,
        dts: `    ${propertyKey(op.name)}: { input: ValidateFunction<${op.inputType}>;${outputType} };`,
      };
    });
  const actions = group(plan.actions);
  const triggers = group(plan.triggers);
  if (plan.credentials !== undefined)
    add("credentials", "Credentials", plan.credentials, "/auth/fields");
  const credentials = plan.credentials === undefined ? "" : "credentials, ";
  const tail =
    `export const validators = { ${credentials}` +
    `actions: { ${actions.map((a) => a.js).join(" ")} }, ` +
    `triggers: { ${triggers.map((t) => t.js).join(" ")} } };`;
  const js = `${header("precompiled Ajv validators of its schemas")}${emitValidators(entries, tail)}`;

  const typeNames = new Set(["Credentials"]);
  for (const op of [...plan.actions, ...plan.triggers]) {
    typeNames.add(op.inputType);
    if (op.output !== undefined) typeNames.add(op.outputType);
  }
  const dts = [
    header("types of validators.gen.js").trimEnd(),
    "",
    'import type { ValidateFunction } from "@plugboard/sdk";',
    `import type { ${[...typeNames].join(", ")} } from "./types.gen.js";`,
    "",
    ...declarations,
    "",
    "/** Every validator, in the shape `new Integration(config, { validators })` takes. */",
    "export declare const validators: {",
    ...(plan.credentials === undefined ? [] : ["  credentials: ValidateFunction<Credentials>;"]),
    "  actions: {",
    ...actions.map((a) => a.dts),
    "  };",
    "  triggers: {",
    ...triggers.map((t) => t.dts),
    "  };",
    "};",
    "",
  ].join("\n");
  return { js, dts };
}
