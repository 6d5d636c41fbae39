import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type IntegrationConfig, parseConfig } from "../src/index.ts";
import { compileSchema } from "../src/validate.ts";
import { sample } from "./sample.ts";

/** One corpus action with inputs, credentials and an output that its schemas accept. */
export interface ActionCase {
  integration: string;
  action: string;
  config: IntegrationConfig;
  input: unknown;
  output: unknown;
  auth: Record<string, unknown>;
  credentialsSchema: unknown;
}

/** Where the shared corpus lives: `PLUGBOARD_CORPUS`, else `../shared/corpus/autohive` from the repo root. */
export const CORPUS =
  process.env.PLUGBOARD_CORPUS ?? join(import.meta.dirname, "../../../../shared/corpus/autohive");

/** Every corpus action whose generated sample input and output validate; the rest are counted. */
export async function loadCases(): Promise<{
  cases: ActionCase[];
  skipped: number;
  configs: number;
}> {
  const cases: ActionCase[] = [];
  let skipped = 0;
  let configs = 0;
  if (!existsSync(CORPUS)) return { cases, skipped, configs };
  for (const name of readdirSync(CORPUS).sort()) {
    const file = join(CORPUS, name, "config.json");
    if (!existsSync(file)) continue;
    configs += 1;
    const config = parseConfig(readFileSync(file, "utf8"), file);
    const fields = config.auth?.fields as Record<string, unknown> | undefined;
    const credentials = fields ? (sample(fields) as Record<string, unknown>) : {};
    const auth = fields
      ? credentials
      : { auth_type: "PlatformOauth2", credentials: { access_token: "bench-token" } };
    if (fields && !(await compileSchema(fields))(credentials)) {
      skipped += Object.keys(config.actions).length;
      continue;
    }
    for (const [action, spec] of Object.entries(config.actions)) {
      const input = sample(spec.input_schema);
      const output = sample(spec.output_schema);
      const ok =
        (await compileSchema(spec.input_schema))(input) &&
        (await compileSchema(spec.output_schema))(output);
      if (!ok) {
        skipped += 1;
        continue;
      }
      cases.push({
        integration: name,
        action,
        config,
        input,
        output,
        auth,
        credentialsSchema: fields ?? null,
      });
    }
  }
  return { cases, skipped, configs };
}
