#!/usr/bin/env node
// The one build of every workspace package (`"build": "node ../../scripts/build-package.mjs"`):
// esbuild bundles `src/index.ts` (and any other entry named on the command line) into ESM in
// `dist/`, dependencies left as imports, and `tsc --emitDeclarationOnly` writes the `.d.ts`
// files from the package's `tsconfig.build.json`. Integrations build with `plugboard build`,
// which runs esbuild with the same settings (packages/cli/src/bundle.ts) and ships in the CLI.
// Everything is written to a scratch folder and swapped in, so a failed build keeps `dist/`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { build } from "esbuild";

const dir = process.cwd();
const entries = process.argv.slice(2);
const entryPoints = Object.fromEntries(
  ["src/index.ts", ...entries].map((file) => [basename(file).replace(/\.ts$/, ""), file]),
);
const scratch = mkdtempSync(join(dir, ".dist-"));
try {
  await build({
    entryPoints,
    outdir: scratch,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
  const tsc = createRequire(join(dir, "package.json")).resolve("typescript/bin/tsc");
  execFileSync(
    process.execPath,
    [tsc, "-p", "tsconfig.build.json", "--emitDeclarationOnly", "--outDir", scratch],
    { cwd: dir, stdio: "inherit" },
  );
  rmSync(join(dir, "dist"), { recursive: true, force: true });
  renameSync(scratch, join(dir, "dist"));
} catch (error) {
  rmSync(scratch, { recursive: true, force: true });
  process.stderr.write(`build-package: ${dir}: ${error.message}\n`);
  process.exit(1);
}
