import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { plan } from "./src/plan.ts";
import { stripAnnotations, normalizeSchema } from "./src/normalize-schema.ts";
import { hoistSchemaConstants } from "./src/hoist-schema-constants.ts";
const require = createRequire(import.meta.url);
const Ajv = require("ajv").default; const standalone = require("ajv/dist/standalone").default; const { transformSync } = require("esbuild");
const dir = "/work/shared/corpus/autohive";
const sizes: Record<string, number> = {};
const add = (k: string, n: number) => sizes[k] = (sizes[k] ?? 0) + n;
const t: Record<string, number> = {};
const time = <T>(k: string, f: () => T): T => { const s = performance.now(); const r = f(); t[k] = (t[k] ?? 0) + performance.now() - s; return r; };
for (const n of readdirSync(dir)) {
  if (n === "LICENSE") continue;
  const cfg = JSON.parse(readFileSync(`${dir}/${n}/config.json`, "utf8"));
  // baseline: raw schemas
  const base = new Ajv({ code: { source: true, esm: true }, strict: false, validateFormats: false });
  const brefs: Record<string,string> = {};
  let i = 0;
  for (const a of Object.values<any>(cfg.actions)) for (const s of [a.input_schema, a.output_schema]) { if (!s) continue; const key = "b" + i++; try { base.addSchema(s, key); base.getSchema(key); } catch { base.removeSchema(key); base.addSchema(normalizeSchema(s), key); } brefs[key] = key; }
  add("baseline", standalone(base, brefs).length);
  for (const [label, opts] of [["msg", { messages: true, code: { optimize: true } }], ["nomsg", { messages: false, code: { optimize: true } }], ["noopt", { messages: true, code: { optimize: false } }]] as const) {
    const ajv = new Ajv({ strict: false, validateFormats: false, ...opts, code: { source: true, esm: true, ...opts.code } });
    const p = plan(cfg);
    const refs: Record<string,string> = {}; const roots: unknown[] = []; const seen = new Set<string>();
    time(label, () => {
    for (const op of p.actions) for (const s of [op.input, op.output]) { const x = stripAnnotations(s as never); const k = JSON.stringify(x); if (seen.has(k)) continue; seen.add(k); const key = "v" + seen.size; ajv.addSchema(x, key); ajv.getSchema(key); refs[key] = key; roots.push(x); }
    });
    const code = standalone(ajv, refs);
    add(label + "-raw", code.length);
    const h = hoistSchemaConstants(code, roots);
    add(label + "-hoist", h.length);
    add(label + "-esbuild", transformSync(h, { format: "esm", minify: true }).code.length);
  }
}
console.log(sizes, t);
