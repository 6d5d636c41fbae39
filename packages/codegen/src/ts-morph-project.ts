import { createRequire } from "node:module";
import type { Project, SourceFile } from "ts-morph";

type TsMorph = typeof import("ts-morph");
let tsMorph: TsMorph | undefined;
let project: Project | undefined;
let counter = 0;

/** ts-morph, loaded on first use: a run where every integration is fresh never pays for it. */
export function loadTsMorph(): TsMorph {
  tsMorph ??= createRequire(import.meta.url)("ts-morph") as TsMorph;
  return tsMorph;
}

/**
 * Builds one source file with ts-morph (in memory, two-space indent, double quotes) and returns
 * its text. The project is shared and the file removed afterwards, so nothing accumulates.
 */
export function printSourceFile(build: (file: SourceFile) => void): string {
  const { Project, IndentationText, QuoteKind } = loadTsMorph();
  project ??= new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
  const file = project.createSourceFile(`/file${counter++}.ts`, "", { overwrite: true });
  try {
    build(file);
    return file.getFullText();
  } finally {
    project.removeSourceFile(file);
  }
}
