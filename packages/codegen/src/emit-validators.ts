import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { compactErrors, ERROR_HELPER } from "./compact-errors.ts";
import { CodegenError } from "./errors.ts";
import { hoistSchemaConstants } from "./hoist-schema-constants.ts";
import { type Schema, stripAnnotations } from "./normalize-schema.ts";
import { RUNTIME_HELPERS } from "./validator-runtime.ts";

/** One validator to emit: its export name, its normalised schema and where that schema sits. */
export interface ValidatorEntry {
  exportName: string;
  schema: Schema | boolean;
  /** JSON pointer of the schema in config.json, for error messages. */
  pointer: string;
}

interface AjvLike {
  addSchema(schema: unknown, key: string): unknown;
  getSchema(key: string): unknown;
}
type StandaloneCode = (ajv: AjvLike, refs: Record<string, string>) => string;
type Transform = (code: string, options: Record<string, unknown>) => { code: string };

let libs: {
  Ajv: new (options: unknown) => AjvLike;
  standalone: StandaloneCode;
  transform: Transform;
};

function load(): typeof libs {
  if (libs) return libs;
  const require = createRequire(import.meta.url);
  libs = {
    Ajv: require("ajv").default,
    standalone: require("ajv/dist/standalone").default,
    transform: require("esbuild").transformSync,
  };
  return libs;
}

/**
 * Ajv options matching the SDK's run-time validation (its `AJV_OPTIONS`): draft-07, formats not
 * asserted, unknown keywords ignored, no defaults or coercion, patterns in non-unicode mode (as
 * written for Python's `re`). Stops at the first error: the SDK re-runs a full check on failure.
 */
export const AJV_OPTIONS = {
  // No optimisation passes: they are a third of compile time and esbuild does the same folding.
  code: { source: true, esm: true, lines: false, optimize: false },
  strict: false,
  validateFormats: false,
  allErrors: false,
  useDefaults: false,
  coerceTypes: false,
  removeAdditional: false,
  unicodeRegExp: false,
  messages: true,
};

/**
 * The body of `validators.gen.js` (without its header): an ES module with one Ajv standalone
 * validator per distinct schema, the named exports in `entries`, and `tail` (the `validators`
 * object) appended. Identical schemas share one function; Ajv's run-time helpers are inlined
 * once; the copies of whole schemas Ajv keeps for error params are cut down to the values used;
 * the result is minified with esbuild. No `require(` remains.
 */
export function emitValidators(entries: ValidatorEntry[], tail: string): string {
  const { Ajv, standalone, transform } = load();
  const ajv = new Ajv(AJV_OPTIONS);
  const keys = new Map<string, string>();
  const refs: Record<string, string> = {};
  const roots: unknown[] = [];
  const exportLines: string[] = [];
  for (const entry of entries) {
    const schema = stripAnnotations(entry.schema);
    const text = JSON.stringify(schema);
    const hash = createHash("sha1").update(text).digest("hex");
    let key = keys.get(hash);
    if (key === undefined) {
      key = `v${keys.size}`;
      keys.set(hash, key);
      try {
        ajv.addSchema(schema, key);
        ajv.getSchema(key);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new CodegenError(`#${entry.pointer}: invalid JSON Schema: ${reason}`, {
          code: "invalid_schema",
          pointer: entry.pointer,
          cause: error,
        });
      }
      refs[key] = key;
      roots.push(schema);
    }
    exportLines.push(`export const ${entry.exportName} = ${key};`);
  }
  let code = keys.size === 0 ? "" : standalone(ajv, refs);
  code = code.replace(/^"use strict";/, "").replace(/export const (v\d+) = /g, "const $1 = ");
  code = inlineRuntime(code);
  // A property name may contain the text "require(": only an actual call is a problem.
  if (/=\s*require\(/.test(code.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) {
    throw new Error(
      "validators module would require() an Ajv run-time helper codegen does not inline",
    );
  }
  code = hoistSchemaConstants(code, roots);
  const compact = compactErrors(code);
  code = compact.used ? `${ERROR_HELPER}\n${compact.code}` : compact.code;
  const source = `${code}\n${exportLines.join("\n")}\n${tail}\n`;
  return transform(source, {
    format: "esm",
    target: "es2022",
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    legalComments: "none",
    charset: "ascii",
  }).code;
}

function inlineRuntime(code: string): string {
  const helpers: string[] = [];
  const replaced = code.replace(
    /const (func\d+) = require\("([^"]+)"\)\.default;/g,
    (whole, name: string, module: string) => {
      const helper = RUNTIME_HELPERS[module];
      if (helper === undefined) return whole;
      const fnName = /^function (\w+)/.exec(helper)?.[1] ?? "";
      if (!helpers.includes(helper)) helpers.push(helper);
      return `const ${name} = ${fnName};`;
    },
  );
  return `${helpers.join("\n")}\n${replaced}`;
}
