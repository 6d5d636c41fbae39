import { locateSyntaxError } from "@plugboard/sdk";
import { CliError } from "./errors.ts";

/** Parses JSON from a flag or file, failing with one line that says where the text is wrong. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const { line, column, found } = locateSyntaxError(text, error);
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(
      "invalid_json",
      `${source} is not valid JSON: ${message} (line ${line} column ${column}, found ${found})`,
      { cause: error },
    );
  }
}

/** Parses `--origin https://api.x.com=http://127.0.0.1:1234` flags into origin overrides. */
export function parseOrigins(values: string[] | undefined): Record<string, string> | undefined {
  if (!values || values.length === 0) return undefined;
  const overrides: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf("=");
    const from = value.slice(0, eq);
    const to = value.slice(eq + 1);
    if (eq <= 0 || !URL.canParse(from) || !URL.canParse(to)) {
      throw new CliError(
        "usage",
        `--origin ${value}: expected <real origin>=<replacement>, e.g. https://api.example.com=http://127.0.0.1:8080`,
      );
    }
    overrides[new URL(from).origin] = new URL(to).origin;
  }
  return overrides;
}
