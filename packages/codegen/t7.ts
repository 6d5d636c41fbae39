import { readFileSync, readdirSync } from "node:fs";
import { plan } from "./src/plan.ts";
import { emitValidatorModule } from "./src/emit-validator-module.ts";
const dir = "/work/shared/corpus/autohive";
let size = 0; const t = performance.now();
for (const n of readdirSync(dir)) { if (n === "LICENSE") continue;
  const cfg = JSON.parse(readFileSync(`${dir}/${n}/config.json`, "utf8"));
  size += emitValidatorModule(plan(cfg)).js.length; }
console.log("bytes", size, "ms", performance.now() - t);
