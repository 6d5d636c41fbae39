import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readConfig } from "@plugboard/codegen";
import type { IntegrationConfig } from "@plugboard/sdk";
import { type ScratchPackage, scratchPackage } from "@plugboard/testing";
import {
  type Diagnostic,
  compilerOptions as tsconfigOptions,
  typecheck as typecheckProgram,
} from "@plugboard/testing/typecheck";
import type ts from "typescript";

/** The CLI package folder. */
export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** This package's fixture configs: `test/fixtures/<name>/config.json`. */
export const fixturesDir = resolve(packageDir, "test/fixtures");

/** A fixture config from `test/fixtures/<name>/config.json`. */
export function fixture(name: string): IntegrationConfig {
  return readConfig(join(fixturesDir, name, "config.json"));
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
