import { createRequire } from "node:module"; const require = createRequire(import.meta.url);
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { generate } from "./src/generate.ts";
const name = process.argv[2] ?? "github";
const cfg = JSON.parse(readFileSync(`/work/shared/corpus/autohive/${name}/config.json`, "utf8"));
const t = performance.now();
const files = generate(cfg);
console.log("ms", performance.now() - t);
for (const f of files) { mkdirSync(require("node:path").dirname(`/tmp/out/${name}/${f.path}`), { recursive: true }); writeFileSync(`/tmp/out/${name}/${f.path}`, f.contents); console.log(f.path, f.contents.length); }
