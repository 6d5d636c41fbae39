import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Finding } from "./finding.ts";

// The sentence every generated stub throws (codegen's emit-stubs.ts).
const STUB_MARK = /is not implemented yet: write it in/;

async function handlerFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const folder of ["actions", "triggers"]) {
    try {
      const names = await readdir(path.join(dir, "src", folder));
      for (const name of names.sort()) {
        if (name.endsWith(".ts") && !name.endsWith(".test.ts")) files.push(`src/${folder}/${name}`);
      }
    } catch {
      // No such folder: checkHandlers reports the missing handlers.
    }
  }
  files.push("src/connected-account.ts");
  return files;
}

/** Warns about handlers that still throw the stub's "not implemented yet". */
export async function checkStubs(dir: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of await handlerFiles(dir)) {
    let text: string;
    try {
      text = await readFile(path.join(dir, file), "utf8");
    } catch {
      continue;
    }
    if (STUB_MARK.test(text)) {
      findings.push({
        level: "warning",
        check: "handlers",
        message: `${file} still throws "not implemented yet": write the handler before publishing`,
      });
    }
  }
  return findings;
}
