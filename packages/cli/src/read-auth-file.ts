import { readFile } from "node:fs/promises";
import path from "node:path";
import { type AuthByIntegration, parseAuthFile } from "@plugboard/server";
import { CliError } from "./errors.ts";
import { parseJson } from "./parse-json.ts";

/** Reads an `--auth-file` of credentials keyed by integration name, failing with one clear line. */
export async function readAuthFile(file: string, cwd: string): Promise<AuthByIntegration> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new CliError("usage", `--auth-file ${file}: ${reason}`);
  }
  return parseAuthFile(parseJson(text, file), file);
}
