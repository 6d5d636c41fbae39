import { createRequire } from "node:module";
import type { CodeBlockWriter } from "ts-morph";

type WriterClass = new (options: {
  newLine: "\n";
  indentNumberOfSpaces: number;
  useSingleQuote: boolean;
}) => CodeBlockWriter;

let Writer: WriterClass | undefined;

/**
 * ts-morph's code writer (the `CodeBlockWriter` it re-exports and prints every structure with),
 * loaded from ts-morph's own dependency. Loading `ts-morph` itself would load the TypeScript
 * compiler (half a second) for files that are written once from scratch and never parsed.
 */
function loadWriter(): WriterClass {
  if (Writer) return Writer;
  const fromTsMorph = createRequire(createRequire(import.meta.url).resolve("ts-morph"));
  Writer = fromTsMorph("code-block-writer").default as WriterClass;
  return Writer;
}

/** Writes a file with ts-morph's code writer: two-space indent, double quotes, `\n` newlines. */
export function printWithWriter(write: (writer: CodeBlockWriter) => void): string {
  const writer = new (loadWriter())({
    newLine: "\n",
    indentNumberOfSpaces: 2,
    useSingleQuote: false,
  });
  write(writer);
  return writer.toString();
}
