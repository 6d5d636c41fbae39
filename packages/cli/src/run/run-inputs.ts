import { readFile } from "node:fs/promises";
import path from "node:path";
import { isObject } from "@plugboard/sdk/internal";
import { CliError } from "../errors.ts";
import { parseJson, parseOrigins } from "../parse-json.ts";

/** The options `run` and `poll` share: inputs, credentials, origin overrides, output. */
export const runInputOptions = {
  input: { type: "string" },
  "input-file": { type: "string" },
  "auth-file": { type: "string" },
  origin: { type: "string", multiple: true },
  json: { type: "boolean" },
} as const;

/** The help lines of `runInputOptions`. */
export const runInputHelp = `  --input <json>        inputs as JSON (default {})
  --input-file <file>   read the inputs from a JSON file
  --auth-file <file>    credentials as JSON: the fields flat ({"api_key": "…"}) or
                        wrapped ({"auth_type": "Custom", "credentials": {…}})
  --origin <a>=<b>      send requests for origin <a> to <b> instead, e.g.
                        --origin https://api.example.com=http://127.0.0.1:8080 (repeatable)
  --json                print JSON even on a terminal`;

/** What `runInputOptions` parsed into. */
export interface RunInputs {
  inputs: unknown;
  auth: Record<string, unknown> | undefined;
  authFile: string | undefined;
  originOverrides: Record<string, string> | undefined;
}

/** Reads a file named by a flag, failing with a usage error that names the flag. */
export async function readFlagFile(file: string, flag: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new CliError("usage", `${flag} ${file}: ${reason}`);
  }
}

/** Reads `--input`/`--input-file`, `--auth-file` and `--origin` relative to `cwd`. */
export async function readRunInputs(
  values: {
    input?: string | undefined;
    "input-file"?: string | undefined;
    "auth-file"?: string | undefined;
    origin?: string[] | undefined;
  },
  cwd: string,
): Promise<RunInputs> {
  if (values.input !== undefined && values["input-file"] !== undefined) {
    throw new CliError("usage", "pass either --input or --input-file, not both");
  }
  const originOverrides = parseOrigins(values.origin);
  const inputFile = values["input-file"];
  const inputs =
    inputFile !== undefined
      ? parseJson(await readFlagFile(path.resolve(cwd, inputFile), "--input-file"), inputFile)
      : parseJson(values.input ?? "{}", "--input");
  const authFile = values["auth-file"];
  let auth: Record<string, unknown> | undefined;
  if (authFile !== undefined) {
    const parsed = parseJson(
      await readFlagFile(path.resolve(cwd, authFile), "--auth-file"),
      authFile,
    );
    if (!isObject(parsed)) throw new CliError("usage", `${authFile}: expected a JSON object`);
    auth = parsed;
  }
  return { inputs, auth, authFile, originOverrides };
}
