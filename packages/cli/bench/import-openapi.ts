// `pnpm bench` for `plugboard import openapi`: the time to import two real descriptions shipped
// on npm (GitHub's `issues` tag, Blockfrost's whole API) and the size of what the import wrote.
import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkExamples } from "../src/import-openapi/check-examples.ts";
import { convertDescription } from "../src/import-openapi/convert-description.ts";
import { loadDescription } from "../src/import-openapi/load-description.ts";
import { writeImport } from "../src/import-openapi/write-import.ts";
import { writeGenerated } from "../src/scaffold/write-generated.ts";

const require = createRequire(import.meta.url);
const descriptions = [
  {
    label: "GitHub (`@octokit/openapi`), tag `issues`",
    name: "github",
    spec: join(
      require.resolve("@octokit/openapi/package.json"),
      "../generated/api.github.com.json",
    ),
    tags: ["issues"],
    allowInvalid: false,
  },
  {
    label: "Blockfrost (`@blockfrost/openapi`), whole",
    name: "blockfrost",
    spec: join(require.resolve("@blockfrost/openapi/package.json"), "../openapi.yaml"),
    tags: undefined,
    allowInvalid: true,
  },
];

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en")} KiB`;
const lines = [
  "## plugboard import openapi",
  "",
  "Real descriptions read from `node_modules`. *Read + validate*: `@readme/openapi-parser`",
  "bundles and validates the file; *convert*: actions, schemas, handlers and tests (with their",
  "samples); *write*: the folder and codegen.",
  "Examples: every response example and schema `example` of the imported operations, checked",
  "against the schemas made from them; *wrong* ones are the description's own mistakes.",
  "",
  "| Description | Actions | Skipped | Read + validate | Convert | Write | Files | Size | Examples checked | Wrong |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
];
const root = mkdtempSync(join(tmpdir(), "plugboard-import-bench-"));
try {
  for (const d of descriptions) {
    let start = performance.now();
    const { document } = await loadDescription(d.spec, { allowInvalid: d.allowInvalid });
    const read = performance.now() - start;
    start = performance.now();
    const result = convertDescription(document, { name: d.name, source: d.spec, tags: d.tags });
    const convert = performance.now() - start;
    start = performance.now();
    const dir = await writeImport(root, d.name, result.files, writeGenerated);
    const write = performance.now() - start;
    const size = folderSize(dir);
    const examples = checkExamples(result.actions);
    lines.push(
      `| ${d.label} | ${result.actions.length} | ${result.skipped.length} | ${seconds(read)} | ${seconds(convert)} | ${seconds(write)} | ${size.files} | ${kib(size.bytes)} | ${examples.checked} | ${examples.rejected.length} |`,
    );
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
const text = `${lines.join("\n")}\n`;
process.stdout.write(text);
if (process.env.PLUGBOARD_BENCH_OUT) appendFileSync(process.env.PLUGBOARD_BENCH_OUT, `${text}\n`);
