import { readFileSync, readdirSync } from "node:fs";
import { plan } from "./src/plan.ts";
import { emitTypes } from "./src/emit-types.ts";
import { emitValidatorModule } from "./src/emit-validator-module.ts";
import { emitContract } from "./src/emit-contract.ts";
import { emitStubs, emitIndex } from "./src/emit-stubs.ts";
import { emitConfig } from "./src/emit-config.ts";
import { checkSchemas } from "./src/check-schemas.ts";
const dir = "/work/shared/corpus/autohive";
const t: Record<string, number> = {};
const time = <T>(k: string, f: () => T): T => { const s = performance.now(); const r = f(); t[k] = (t[k] ?? 0) + performance.now() - s; return r; };
let size = 0;
const start = performance.now();
for (const n of readdirSync(dir)) {
  if (n === "LICENSE") continue;
  const cfg = JSON.parse(readFileSync(`${dir}/${n}/config.json`, "utf8"));
  try {
  time("check", () => checkSchemas(cfg));
  const p = time("plan", () => plan(cfg));
  time("types", () => emitTypes(p));
  const v = time("validators", () => emitValidatorModule(p)); size += v.js.length;
  time("contract", () => emitContract(p));
  time("stubs", () => { emitStubs(p); emitIndex(cfg, p); });
  time("config", () => emitConfig(cfg));
  } catch (e) { console.log(n, String(e).slice(0, 300)); }
}
console.log(t, "total", performance.now() - start, "validators bytes", size);
