import { readFileSync, readdirSync } from "node:fs";
import { generate } from "./src/generate.ts";
const dir = "/work/shared/corpus/autohive";
const cfgs = readdirSync(dir).filter(n => n !== "LICENSE").map(n => JSON.parse(readFileSync(`${dir}/${n}/config.json`, "utf8")));
const t = performance.now();
for (const c of cfgs) generate(c);
console.log("total", performance.now() - t);
