import { readFileSync } from "node:fs";
import { locateSyntaxError, type SecretSource } from "@plugboard/sdk";
import { ServerError } from "./errors.ts";

/**
 * Secrets from a JSON file holding one object of string values,
 * `{ "PERPLEXITY_API_KEY": "pplx-…" }`, read once. Errors name the file and where, never a value.
 */
export function fileSecretSource(file: string): SecretSource {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ServerError(
      "secrets_unreadable",
      `${file}: cannot read the secrets file (${code}); pass the path of a readable JSON file`,
      { cause: error },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Only the position is reported: quoting the text around a syntax error could show a secret.
    const { line, column } = locateSyntaxError(text, error);
    throw new ServerError(
      "secrets_unreadable",
      `${file}:${line}:${column}: invalid JSON; fix the syntax there`,
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ServerError(
      "secrets_unreadable",
      `${file}: expected a JSON object of secret values by key, e.g. { "PERPLEXITY_API_KEY": "…" }`,
    );
  }
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== "string") {
      throw new ServerError(
        "secrets_unreadable",
        `${file}#/${key}: expected a string value, got ${value === null ? "null" : typeof value}`,
      );
    }
    values.set(key, value);
  }
  return { get: (key) => values.get(key) };
}
