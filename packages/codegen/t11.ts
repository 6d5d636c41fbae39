import { readFileSync, readdirSync } from "node:fs";
import { plan } from "./src/plan.ts";
import * as ev from "./src/emit-validators.ts";
import { emitValidatorModule } from "./src/emit-validator-module.ts";
const dir = "/work/shared/corpus/autohive";
const cfgs = readdirSync(dir).filter(n => n !== "LICENSE").map(n => plan(JSON.parse(readFileSync(`${dir}/${n}/config.json`, "utf8"))));
for (const opt of [true, false]) {
  (ev.AJV_OPTIONS.code as any).optimize = opt;
  let size = 0; const t = performance.now();
  for (const p of cfgs) size += emitValidatorModule(p).js.length;
  console.log("optimize", opt, "bytes", size, "ms", performance.now() - t);
}
