import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseConfig } from "@plugboard/sdk";
import { generate } from "../generate.ts";

/** Runs codegen on an integration folder in-process: generated files, and stubs when absent. */
export async function writeGenerated(dir: string): Promise<void> {
  const file = path.join(dir, "config.json");
  const config = parseConfig(await readFile(file, "utf8"), file);
  for (const generated of generate(config, { file })) {
    const target = path.join(dir, generated.path);
    if (generated.kind === "stub" && existsSync(target)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, generated.contents);
  }
}
