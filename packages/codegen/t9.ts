import { readFileSync, readdirSync } from "node:fs";
import { plan } from "./src/plan.ts";
import { emitContract } from "./src/emit-contract.ts";
import { emitStubs, emitIndex } from "./src/emit-stubs.ts";

const dir = "/work/shared/corpus/autohive";
let t = 0;
const plans = readdirSync(dir).filter(n => n !== "LICENSE").map(n => { const c = JSON.parse(readFileSync(`${dir}/${n}/config.json`, "utf8")); return [c, plan(c)] as const; });
t = performance.now(); for (const [c, p] of plans) emitContract(p); console.log("contract", performance.now() - t);
t = performance.now(); for (const [c, p] of plans) emitStubs(p); console.log("stubs", performance.now() - t);
t = performance.now(); for (const [c, p] of plans) emitIndex(c, p); console.log("index", performance.now() - t);
