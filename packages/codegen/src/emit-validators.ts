import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { compactErrors, ERROR_HELPER, ERROR_HELPERS } from "./compact-errors.ts";
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
  // One optimisation pass: it drops the unused variables esbuild keeps, a sixth of the size.
  code: { source: true, esm: true, lines: false, optimize: true },
  strict: false,
  validateFormats: false,
  allErrors: false,
  useDefaults: false,
  coerceTypes: false,
  removeAdditional: false,
  unicodeRegExp: false,
  // Own properties only, as the SDK's AJV_OPTIONS: `{}` must not satisfy `required: ["toString"]`.
  ownProperties: true,
  messages: true,
};

/**
 * One Ajv instance and the schemas added to it, shared by every validators module of an
 * integration: Ajv is created (and its meta-schema compiled) once, not once per module.
 */
export interface ValidatorCompiler {
  ajv: AjvLike;
  /** Key in `ajv` of each schema added so far, by hash of its JSON text. */
  keys: Map<string, string>;
}

/** A fresh ValidatorCompiler. */
export function createValidatorCompiler(): ValidatorCompiler {
  return { ajv: new (load().Ajv)(AJV_OPTIONS), keys: new Map() };
}

/** A validators module's code and the shared run-time helpers (by name) it imports. */
export interface EmittedValidators {
  code: string;
  helpers: string[];
}

/**
 * Where a validators module gets the shared run-time helpers it calls, and how it hands out its
 * validators:
 * - `{ module }`: it imports them from the run-time module `module` and exports each validator
 *   by name (`export { validate10 as credentials }`);
 * - `"factory"`: it imports nothing and has one default export, a function that takes the
 *   helpers as an object and returns the validators (`{ input, output }`). A chunk loaded on
 *   demand is written so: loading it then costs one module, not two in a row (the chunk, then
 *   the run-time module it would import), and the index that loads it passes the helpers it
 *   already holds.
 */
export type RuntimeLink = { module: string; alsoImport?: Iterable<string> } | "factory";

/**
 * The body of one generated validators module (without its header): one Ajv standalone
 * validator per distinct schema, handed out under the names in `entries` (see RuntimeLink), and
 * `tail` appended (given `local`, the local name of an export's function, when it is a
 * function). Identical schemas share one function; Ajv's run-time helpers and the error helper
 * come from the shared run-time module (see emitValidatorRuntime()); the copies of whole schemas
 * Ajv keeps for error params are cut down to the values used; the result is minified with
 * esbuild. No `require(` remains.
 */
export function emitValidators(
  entries: ValidatorEntry[],
  tail: string | ((local: (exportName: string) => string) => string),
  runtime: RuntimeLink,
  compiler: ValidatorCompiler = createValidatorCompiler(),
): EmittedValidators {
  const { standalone } = load();
  const { ajv, keys } = compiler;
  const refs: Record<string, string> = {};
  const roots: unknown[] = [];
  const exportLines: string[] = [];
  for (const entry of entries) {
    const schema = stripAnnotations(entry.schema);
    const text = JSON.stringify(schema);
    const hash = createHash("sha1").update(text).digest("hex");
    let key = keys.get(hash);
    if (key !== undefined && refs[key] === undefined) {
      refs[key] = key;
      roots.push(schema);
    }
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
    exportLines.push(`${entry.exportName}:${key}`);
  }
  let code = Object.keys(refs).length === 0 ? "" : standalone(ajv, refs);
  // Ajv writes `export const v0 = validate10;`: export the function itself, under each name.
  const functions = new Map<string, string>();
  code = code
    .replace(/^"use strict";/, "")
    .replace(/export const (v\d+) = ([\w$]+);/g, (_whole, key: string, fn: string) => {
      functions.set(key, fn);
      return "";
    });
  const exported = exportLines.map((line) => {
    const [name, key] = line.split(":") as [string, string];
    return { name, fn: functions.get(key) ?? key };
  });
  code = dropUnreadParameters(code);
  const helpers: string[] = [];
  code = importRuntime(code, helpers);
  // A property name may contain the text "require(": only an actual call is a problem.
  if (/=\s*require\(/.test(code.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) {
    throw new Error(
      "validators module would require() an Ajv run-time helper codegen does not inline",
    );
  }
  code = hoistSchemaConstants(code, roots);
  const compact = compactErrors(code);
  code = compact.code;
  if (compact.used) helpers.push(...ERROR_HELPERS);
  const local = (name: string) => {
    const line = exportLines.find((l) => l.startsWith(`${name}:`)) ?? "";
    const key = line.slice(name.length + 1);
    return functions.get(key) ?? key;
  };
  const ending = typeof tail === "string" ? tail : tail(local);
  if (runtime === "factory") {
    const unpack =
      helpers.length === 0 ? "" : `const { ${helpers.join(", ")} } = ${RUNTIME_PARAM};\n`;
    const handed = exported.map(({ name, fn }) => `${name}: ${fn}`).join(", ");
    const source = `export default function (${RUNTIME_PARAM}) {\n${unpack}${code}\n${ending}\nreturn { ${handed} };\n}\n`;
    return { code: minify(source), helpers };
  }
  const imported = [...new Set([...helpers, ...(runtime.alsoImport ?? [])])].sort();
  const imports =
    imported.length === 0
      ? ""
      : `import { ${imported.join(", ")} } from ${JSON.stringify(runtime.module)};\n`;
  const exports =
    exported.length === 0
      ? ""
      : `export { ${exported.map(({ name, fn }) => `${fn} as ${name}`).join(", ")} };`;
  const source = `${imports}${code}\n${exports}\n${ending}\n`;
  return { code: minify(source), helpers };
}

/** The parameter of a factory chunk's default export (see RuntimeLink); no Ajv name starts so. */
const RUNTIME_PARAM = "pbRuntime";

/**
 * The shared run-time module (`validator-runtime.gen.js`) exporting `helpers`: Ajv's run-time
 * helpers and the compact error helpers, once per integration instead of once per module.
 */
export function emitValidatorRuntime(helpers: Iterable<string>): string {
  const wanted = new Set(helpers);
  const parts: string[] = [];
  for (const helper of Object.values(RUNTIME_HELPERS)) {
    const name = /^function (\w+)/.exec(helper)?.[1] ?? "";
    if (wanted.has(name)) parts.push(`export ${helper}`);
  }
  if (ERROR_HELPERS.some((name) => wanted.has(name))) {
    parts.push(ERROR_HELPER.replace(/^function (pbFail|pbErr)\b/gm, "export function $1"));
  }
  return minify(parts.join("\n"));
}

function minify(source: string): string {
  return load().transform(source, {
    format: "esm",
    target: "es2022",
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    legalComments: "none",
    charset: "ascii",
  }).code;
}

function importRuntime(code: string, helpers: string[]): string {
  return code.replace(
    /const (func\d+) = require\("([^"]+)"\)\.default;/g,
    (whole, name: string, module: string) => {
      const helper = RUNTIME_HELPERS[module];
      if (helper === undefined) return whole;
      const fnName = /^function (\w+)/.exec(helper)?.[1] ?? "";
      if (!helpers.includes(fnName)) helpers.push(fnName);
      return `const ${name} = ${fnName};`;
    },
  );
}

const SIGNATURE = '{instancePath="", parentData, parentDataProperty, rootData=data}={})';

/**
 * Every Ajv validator takes `parentData` and `parentDataProperty`, read only to write defaults or
 * coerced values back, which the options turn off: when nothing reads them (a `parentData:`
 * key in a call passes them on), they are dropped from each signature.
 */
function dropUnreadParameters(code: string): string {
  const without = code.split(SIGNATURE).join("");
  if (/\bparentData(Property)?\b(?!\s*:)/.test(without)) return code;
  return code.split(SIGNATURE).join('{instancePath="", rootData=data}={})');
}
