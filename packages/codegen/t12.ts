import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { readConfig } from "./src/read-config.ts";
import { generate } from "./src/generate.ts";
for (const n of ["notes", "shapes", "adversarial"]) {
  const cfg = readConfig(`test/fixtures/${n}/config.json`, { onWarning: (w) => console.log("warn", w.pointer, w.message) });
  for (const f of generate(cfg)) { const p = `/tmp/fx/${n}/${f.path}`; mkdirSync(dirname(p), { recursive: true }); writeFileSync(p, f.contents); }
}
