/** Why codegen refused a config or could not write its output. */
export type CodegenErrorCode = "invalid_schema" | "unsupported_schema";

/** Where a codegen problem sits and what caused it. */
export interface CodegenErrorDetails {
  code: CodegenErrorCode;
  file?: string;
  pointer?: string;
  line?: number;
  column?: number;
  /** The JSON Schema keyword at fault, for schema problems. */
  keyword?: string;
  cause?: unknown;
}

/**
 * A config that parses but cannot be generated from (an invalid JSON Schema, a non-local `$ref`), or
 * generated files that could not be written. Messages name the file and JSON pointer.
 */
export class CodegenError extends Error {
  override readonly name = "CodegenError";
  readonly code: CodegenErrorCode;
  readonly file: string | undefined;
  /** JSON pointer (RFC 6901) to the offending value in config.json. */
  readonly pointer: string | undefined;
  /** 1-based line of `pointer` in `file`, when known. */
  readonly line: number | undefined;
  /** 1-based column of `pointer` in `file`, when known. */
  readonly column: number | undefined;
  readonly keyword: string | undefined;

  constructor(message: string, details: CodegenErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.file = details.file;
    this.pointer = details.pointer;
    this.line = details.line;
    this.column = details.column;
    this.keyword = details.keyword;
  }
}

/** A tolerated oddity in a config (e.g. draft-03 `"required": false`): reported, not fatal. */
export interface ConfigWarning {
  file?: string;
  pointer: string;
  message: string;
}
