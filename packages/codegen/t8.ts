import { readFileSync } from "node:fs";
import { plan } from "./src/plan.ts";
import { emitValidatorModule } from "./src/emit-validator-module.ts";
const cfg = JSON.parse(readFileSync(`/work/shared/corpus/autohive/github/config.json`, "utf8"));
const js = emitValidatorModule(plan(cfg)).js;
console.log(js.length); console.log(js.slice(3000, 7000));
