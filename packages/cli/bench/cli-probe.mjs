// Runs `plugboard <argv…>` from the built CLI and reports its peak memory (all threads). With
// PLUGBOARD_PROBE_WORKERS, runs `runCodegen(argv, { workers })` instead (argv: the folders).
import { writeFileSync } from "node:fs";
import { findIntegrations } from "@plugboard/registry";
import { main, runCodegen } from "../dist/index.js";

const args = process.argv.slice(2);
const workers = Number(process.env.PLUGBOARD_PROBE_WORKERS);
const exitCode = workers
  ? (await runCodegen(findIntegrations(args.slice(1)).dirs, { workers })).some(
      (o) => o.status === "failed",
    )
    ? 1
    : 0
  : await main(args);
const report = process.env.PLUGBOARD_PROBE_OUT;
if (report)
  writeFileSync(report, JSON.stringify({ exitCode, maxRssKiB: process.resourceUsage().maxRSS }));
process.exitCode = exitCode;
