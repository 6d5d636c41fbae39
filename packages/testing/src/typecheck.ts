import ts from "typescript";

/** One compiler diagnostic, flattened for assertions. */
export interface Diagnostic {
  file: string;
  line: number;
  code: number;
  message: string;
}

/**
 * The compiler options of `tsconfig` (a tsconfig.json path) for checking without emitting:
 * `noEmit`, no ambient `types`, then `overrides`.
 */
export function compilerOptions(
  tsconfig: string,
  overrides: ts.CompilerOptions = {},
): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${tsconfig}`);
  return { ...parsed.options, noEmit: true, types: [], ...overrides };
}

/**
 * Type-checks `rootNames` as one program with `options`; `virtual` files (path → source) exist
 * only in memory. Returns every diagnostic, `[]` when the program compiles.
 */
export function typecheck(
  rootNames: string[],
  virtual: Record<string, string>,
  options: ts.CompilerOptions,
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
