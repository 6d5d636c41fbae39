import { fileURLToPath } from "node:url";
import { bundle, compileErrors, validate } from "@readme/openapi-parser";
import { CliError } from "../errors.ts";
import { isObject, type OpenApiDocument } from "./description.ts";

/** A file path, or a `file:` URL turned into one; other URLs are passed to the parser as is. */
function location(source: string): string {
  return source.startsWith("file:") ? fileURLToPath(source) : source;
}

/** A loaded description, and what strict validation found wrong with it when allowed. */
export interface LoadedDescription {
  document: OpenApiDocument;
  /** The parser's validation report; empty for a valid description. */
  problems: string;
}

/**
 * Reads an OpenAPI 3.0/3.1 description (JSON or YAML, one file or several), bundles it into
 * one document that keeps its local `$ref`s, and validates it against the OpenAPI schema.
 * Throws a `CliError` with the parser's message (file, line/column or JSON path) when it cannot
 * be read, or when it is invalid and `allowInvalid` is not set.
 */
export async function loadDescription(
  source: string,
  options: { allowInvalid?: boolean } = {},
): Promise<LoadedDescription> {
  let document: unknown;
  try {
    document = await bundle(location(source));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError("invalid_description", `${source}: ${message}`, { cause: error });
  }
  if (!isObject(document) || typeof document.openapi !== "string") {
    const swagger = isObject(document) ? document.swagger : undefined;
    throw new CliError(
      "invalid_description",
      typeof swagger === "string"
        ? `${source}: Swagger ${swagger} is not supported: convert it to OpenAPI 3 first (e.g. \`npx swagger2openapi ${source}\`)`
        : `${source}: not an OpenAPI description: expected an "openapi" version field at the top`,
    );
  }
  // validate() dereferences what it is given in place: hand it a copy, keep the $refs here.
  const result = await validate(structuredClone(document) as never, {
    validate: { errors: { colorize: false } },
  });
  const problems = result.valid ? "" : compileErrors(result);
  if (!result.valid && !options.allowInvalid) {
    throw new CliError(
      "invalid_description",
      `${source} is not a valid OpenAPI ${document.openapi} description (pass --allow-invalid to import it anyway):\n${problems}`,
    );
  }
  return { document: document as OpenApiDocument, problems };
}
