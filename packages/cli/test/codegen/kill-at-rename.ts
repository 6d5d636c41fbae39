// Runs codegen on one folder and SIGKILLs itself on the Nth `fs.renameSync`, exactly where a
// Ctrl-C or an OOM kill could land: a real kill, at a chosen instant of the commit.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const killAt = Number(process.env.KILL_AT_RENAME);
const rename = fs.renameSync;
let renames = 0;
fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
  renames += 1;
  if (renames === killAt) process.kill(process.pid, "SIGKILL");
  rename(from, to);
};
// ES modules importing `renameSync` from node:fs see the replacement too.
syncBuiltinESMExports();

const { processIntegration } = await import("../../src/process-integration.ts");
const dir = process.argv[2];
if (!dir) throw new Error("usage: kill-at-rename.ts <integration dir>");
const outcome = processIntegration(dir);
process.stdout.write(`${outcome.status}\n`);
