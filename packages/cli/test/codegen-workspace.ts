import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readConfig } from "@plugboard/codegen";
import type { IntegrationConfig } from "@plugboard/sdk";
import ts from "typescript";

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
export function workspace(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "plugboard-codegen-test-"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module", "private": true }\n');
  mkdirSync(join(dir, "node_modules/@plugboard"), { recursive: true });
  symlinkSync(resolve(packageDir, "../sdk"), join(dir, "node_modules/@plugboard/sdk"), "dir");
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Compiler options of the package's tsconfig (strict, NodeNext, `.ts` imports…). */
export function compilerOptions(overrides: ts.CompilerOptions = {}): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(packageDir, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error("cannot read tsconfig.json");
  return { ...parsed.options, noEmit: true, types: [], ...overrides };
}

/** One compiler diagnostic, flattened for assertions. */
export interface Diagnostic {
  file: string;
  line: number;
  code: number;
  message: string;
}

/** Type-checks `rootNames` as one program; `virtual` files exist only in memory. */
export function typecheck(
  rootNames: string[],
  virtual: Record<string, string> = {},
  options: ts.CompilerOptions = compilerOptions(),
): Diagnostic[] {
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => virtual[name] ?? readFile(name);
  host.fileExists = (name) => name in virtual || fileExists(name);
  host.getSourceFile = (name, language, ...rest) =>
    name in virtual
      ? ts.createSourceFile(name, virtual[name] as string, language)
      : getSourceFile(name, language, ...rest);
  const program = ts.createProgram([...rootNames, ...Object.keys(virtual)], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file?.fileName ?? "",
    line:
      d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  }));
}
