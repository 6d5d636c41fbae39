import { createRequire } from "node:module";
import { validatorRuntime } from "@plugboard/sdk";
import { AJV_OPTIONS, normalizeSchema, type SchemaNode } from "@plugboard/sdk/internal";
import { CodegenError } from "./errors.ts";

/** One validator to emit: its export name, its normalised schema and where that schema sits. */
export interface ValidatorEntry {
  exportName: string;
  schema: SchemaNode | boolean;
  /** JSON pointer of the schema in config.json, for error messages. */
  pointer: string;
}

interface AjvLike {
  addSchema(schema: unknown, key: string): unknown;
  getSchema(key: string): unknown;
}
type StandaloneCode = (ajv: AjvLike, refs: Record<string, string>) => string;

let libs: { Ajv: new (options: unknown) => AjvLike; standalone: StandaloneCode } | undefined;

function load(): NonNullable<typeof libs> {
  if (libs) return libs;
  const require = createRequire(import.meta.url);
  libs = { Ajv: require("ajv").default, standalone: require("ajv/dist/standalone").default };
  return libs;
}

/**
 * The SDK's Ajv options (the runtime compiles with the same ones), plus how to print the code:
 * an ES module, one statement per line, so that a schema change is a readable diff.
 */
export const CODEGEN_AJV_OPTIONS = {
  ...AJV_OPTIONS,
  code: { source: true, esm: true, lines: true, optimize: true },
};

const RUNTIME = /^const (func\d+) = require\("ajv\/dist\/runtime\/([\w-]+)"\)\.default;$/gm;

/**
 * One ES module of Ajv standalone validators (without its header), exporting each entry under
 * its `exportName`; identical schemas share one function. The code is Ajv's, as Ajv prints it
 * with CODEGEN_AJV_OPTIONS, from the schema as the runtime normalises it (annotations dropped,
 * so a description change touches no validator). The only rewrite: Ajv's `require(…)` of a
 * run-time helper becomes a read of the SDK's `validatorRuntime`, the one copy every
 * integration shares. A fresh Ajv per module keeps its function names (`validate0`…) independent
 * of every other action's schemas. Throws `CodegenError` for a schema Ajv rejects, and when
 * Ajv's code would need a helper the SDK does not export.
 */
/** The identity of a validator: its schema as the validators see it (annotations dropped). */
export function validatorKey(schema: SchemaNode | boolean): string {
  return JSON.stringify(normalizeSchema(schema, { annotations: false }));
}

export function emitValidators(entries: ValidatorEntry[]): string {
  const { Ajv, standalone } = load();
  const ajv = new Ajv(CODEGEN_AJV_OPTIONS);
  const keys = new Map<string, string>();
  const refs: Record<string, string> = {};
  // Ajv's standalone code would print a shared function twice: a schema seen again is exported
  // under the first name and aliased.
  const aliases: string[] = [];
  for (const entry of entries) {
    const schema = normalizeSchema(entry.schema, { annotations: false });
    const text = validatorKey(entry.schema);
    const seen = keys.get(text);
    if (seen !== undefined) {
      aliases.push(`export { ${seen} as ${entry.exportName} };`);
      continue;
    }
    keys.set(text, entry.exportName);
    refs[entry.exportName] = entry.exportName;
    try {
      ajv.addSchema(schema, entry.exportName);
      ajv.getSchema(entry.exportName);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CodegenError(`#${entry.pointer}: invalid JSON Schema: ${reason}`, {
        code: "invalid_schema",
        pointer: entry.pointer,
        cause: error,
      });
    }
  }
  const where = entries[0] ? { pointer: entries[0].pointer } : {};
  let usesRuntime = false;
  const code = standalone(ajv, refs)
    .replace(/^"use strict";\n/, "")
    .replace(RUNTIME, (_line, local: string, helper: string) => {
      if (!Object.hasOwn(validatorRuntime, helper)) {
        throw new CodegenError(
          `Ajv's code needs its run-time helper "${helper}", which @plugboard/sdk's validatorRuntime does not export; add it there`,
          { code: "unsupported_schema", ...where },
        );
      }
      usesRuntime = true;
      return `const ${local} = validatorRuntime.${helper};`;
    });
  // A property name may contain the text "require(": only an actual call is a problem.
  if (/\brequire\(/.test(code.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) {
    throw new CodegenError("Ajv's code requires a module codegen cannot import", {
      code: "unsupported_schema",
      ...where,
    });
  }
  const imports = usesRuntime ? 'import { validatorRuntime } from "@plugboard/sdk";\n\n' : "";
  const tail = aliases.length === 0 ? "" : `\n${aliases.join("\n")}\n`;
  return `${imports}${code.trimEnd()}\n${tail}`;
}
