import { createRequire } from "node:module";
import type { CodeBlockWriter, OptionalKind, Project, SourceFileStructure } from "ts-morph";

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
 * Prints one source file from a ts-morph structure (in memory, two-space indent, double
 * quotes). Printing a whole structure at once is far faster than editing a file node by node.
 * The project is shared and the file removed afterwards, so nothing accumulates.
 */
export function printStructure(structure: OptionalKind<SourceFileStructure>): string {
  const file = sharedProject().createSourceFile(`/file${counter++}.ts`, structure, {
    overwrite: true,
  });
  try {
    return file.getFullText();
  } finally {
    file.getProject().removeSourceFile(file);
  }
}

function sharedProject(): Project {
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
  return project;
}

/** Writes a small file with ts-morph's code writer (same settings), skipping the parse a structure needs. */
export function printWithWriter(write: (writer: CodeBlockWriter) => void): string {
  const writer = sharedProject().createWriter();
  write(writer);
  return writer.toString();
}
