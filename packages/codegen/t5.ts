import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { plan } from "./src/plan.ts";
import { stripAnnotations } from "./src/normalize-schema.ts";
import { hoistSchemaConstants } from "./src/hoist-schema-constants.ts";
import { AJV_OPTIONS } from "./src/emit-validators.ts";
const require = createRequire(import.meta.url);
const Ajv = require("ajv").default; const standalone = require("ajv/dist/standalone").default; const { transformSync } = require("esbuild");
const dir = "/work/shared/corpus/autohive";
const t: Record<string, number> = {};
const time = <T>(k: string, f: () => T): T => { const s = performance.now(); const r = f(); t[k] = (t[k] ?? 0) + performance.now() - s; return r; };
let n1=0, n2=0;
for (const n of readdirSync(dir)) {
  if (n === "LICENSE") continue;
  const cfg = JSON.parse(readFileSync(`${dir}/${n}/config.json`, "utf8"));
  const p = plan(cfg);
  const ajv = time("new", () => new Ajv(AJV_OPTIONS));
  const refs: Record<string,string> = {}; const roots: unknown[] = []; const seen = new Set<string>();
  for (const op of p.actions) for (const s of [op.input, op.output]) { const x = stripAnnotations(s as never); const k = JSON.stringify(x); n1++; if (seen.has(k)) continue; seen.add(k); n2++; const key = "v" + seen.size; time("compile", () => { ajv.addSchema(x, key); ajv.getSchema(key); }); refs[key] = key; roots.push(x); }
  let code = time("standalone", () => standalone(ajv, refs));
  code = time("hoist", () => hoistSchemaConstants(code, roots));
  time("esbuild", () => transformSync(code, { format: "esm", minify: true }));
}
console.log(t, n1, n2);
