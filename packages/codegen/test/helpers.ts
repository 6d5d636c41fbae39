import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type {
  IntegrationConfig,
  OperationValidators,
  PrecompiledValidators,
  ValidateFunction,
} from "@plugboard/sdk";
import { type ScratchPackage, scratchPackage } from "@plugboard/testing";
import {
  type Diagnostic,
  compilerOptions as tsconfigOptions,
  typecheck as typecheckProgram,
} from "@plugboard/testing/typecheck";
import type ts from "typescript";
import { generate } from "../src/generate.ts";
import { type PlannedOperation, plan } from "../src/plan.ts";
import { readConfig } from "../src/read-config.ts";

/** The codegen package folder. */
export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The real-world corpus, outside the repository. */
export const corpusDir = resolve(packageDir, "../../../shared/corpus/autohive");

/** A fixture config from `test/fixtures/<name>/config.json`. */
export function fixture(name: string): IntegrationConfig {
  return readConfig(join(packageDir, "test/fixtures", name, "config.json"));
}

/**
 * A fresh temporary folder that can compile and run generated code: `"type": "module"` and
 * `node_modules/@plugboard/sdk` linked to the workspace SDK. Removed by the returned cleanup.
 */
export function workspace(): ScratchPackage {
  return scratchPackage(
    { "@plugboard/sdk": resolve(packageDir, "../sdk") },
    "plugboard-codegen-test-",
  );
}

/** Writes files under `dir`. */
export function writeAll(dir: string, files: Array<{ path: string; contents: string }>): void {
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
}

/**
 * A validators module with every action's and trigger's chunk loaded: `validators` in the eager
 * `{ input, output }` shape and every chunk's named validators, typed loosely.
 */
export interface ValidatorsModule {
  validators: {
    credentials?: ValidateFunction;
    actions: Record<string, OperationValidators>;
    triggers: Record<string, OperationValidators>;
  };
}

/**
 * The validators generated from `config` (the `validators.gen.js` index, the runtime module and
 * every chunk), written under `dir` and loaded as Node would load them, every loader resolved.
 */
export async function loadValidators<M = ValidatorsModule>(
  config: IntegrationConfig,
  dir: string,
): Promise<M> {
  const root = join(dir, `${config.name}-${Math.random().toString(36).slice(2)}`);
  writeAll(
    root,
    generate(config).filter((f) => f.path.endsWith(".js")),
  );
  const index = join(root, "src/generated/validators.gen.js");
  const module = (await import(pathToFileURL(index).href)) as Record<string, unknown> & {
    validators: PrecompiledValidators;
  };
  const named: Record<string, unknown> = { ...module };
  const lowerFirst = (name: string) =>
    name.startsWith("_") ? name : name.charAt(0).toLowerCase() + name.slice(1);
  // Chunks export `input`/`output`; tests name them as types.gen.ts does (`createNoteInput`).
  const planned = plan(config);
  const resolveGroup = async (
    group: PrecompiledValidators["actions"] = {},
    ops: PlannedOperation[],
  ) => {
    const resolved: Record<string, OperationValidators> = {};
    for (const op of ops) {
      const entry = group[op.name];
      if (entry === undefined) throw new Error(`no validators for ${op.name}`);
      const chunk = typeof entry === "function" ? await entry() : entry;
      resolved[op.name] = { input: chunk.input, output: chunk.output };
      named[lowerFirst(op.inputType)] = chunk.input;
      if (chunk.output) named[lowerFirst(op.outputType)] = chunk.output;
    }
    return resolved;
  };
  named.validators = {
    ...(module.validators.credentials && { credentials: module.validators.credentials }),
    actions: await resolveGroup(module.validators.actions, planned.actions),
    triggers: await resolveGroup(module.validators.triggers, planned.triggers),
  };
  return named as M;
}

/** One named export of a loosely typed validators module; fails when it is missing. */
export function validatorOf(module: ValidatorsModule, name: string): ValidateFunction {
  const validate = (module as unknown as Record<string, unknown>)[name];
  if (typeof validate !== "function") throw new Error(`no validator named ${name}`);
  return validate as ValidateFunction;
}

/** Compiler options of the package's tsconfig (strict, NodeNext, `.ts` imports…). */
export function compilerOptions(overrides: ts.CompilerOptions = {}): ts.CompilerOptions {
  return tsconfigOptions(join(packageDir, "tsconfig.json"), overrides);
}

/** Type-checks `rootNames` as one program; `virtual` files exist only in memory. */
export function typecheck(
  rootNames: string[],
  virtual: Record<string, string> = {},
  options: ts.CompilerOptions = compilerOptions(),
): Diagnostic[] {
  return typecheckProgram(rootNames, virtual, options);
}
