import type { IntegrationConfig } from "@plugboard/sdk";
import { checkSchemas } from "./check-schemas.ts";
import { emitConfig } from "./emit-config.ts";
import { emitContract } from "./emit-contract.ts";
import { emitIndex, emitStubs } from "./emit-stubs.ts";
import { emitTypes } from "./emit-types.ts";
import { emitValidatorModule } from "./emit-validator-module.ts";
import { plan } from "./plan.ts";

/** One file codegen produces, with its path relative to the integration root. */
export interface GeneratedFile {
  path: string;
  contents: string;
  /**
   * `"generated"`: machine-owned, rewritten on every run (`src/generated/`). `"stub"`: created
   * when absent and never touched again (handler stubs and `src/index.ts`).
   */
  kind: "generated" | "stub";
}

const checked = new WeakSet<object>();

/** Records that readConfig() already checked this config's schemas, so generate() need not. */
export function markChecked(config: IntegrationConfig): void {
  checked.add(config);
}

/** Options of `generate`. */
export interface GenerateOptions {
  /** The config file's path, used in error messages. */
  file?: string;
}

/**
 * Turns a config into every file of an integration: `src/generated/*` plus the stubs. Pure and
 * deterministic (same config, same bytes) and the config is not mutated. Throws `CodegenError`
 * for a schema it cannot generate from.
 */
export function generate(
  config: IntegrationConfig,
  options: GenerateOptions = {},
): GeneratedFile[] {
  // A config from readConfig() was checked there; one built in memory is checked here.
  if (!checked.has(config)) checkSchemas(config, options.file);
  const planned = plan(config);
  const validators = emitValidatorModule(planned);
  const files: GeneratedFile[] = [
    { path: "src/generated/types.gen.ts", contents: emitTypes(planned), kind: "generated" },
    ...validators.map((file) => ({
      path: `src/generated/${file.path}`,
      contents: file.contents,
      kind: "generated" as const,
    })),
    { path: "src/generated/config.gen.ts", contents: emitConfig(config), kind: "generated" },
    { path: "src/generated/contract.gen.ts", contents: emitContract(planned), kind: "generated" },
  ];
  for (const stub of emitStubs(planned)) files.push({ ...stub, kind: "stub" });
  files.push({ path: "src/index.ts", contents: emitIndex(config, planned), kind: "stub" });
  return files;
}
