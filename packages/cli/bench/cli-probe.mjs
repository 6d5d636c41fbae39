// Runs `plugboard <argv…>` from the built CLI and reports its peak memory (all threads).
import { writeFileSync } from "node:fs";
import { main } from "../dist/cli.js";

const exitCode = await main(process.argv.slice(2));
const report = process.env.PLUGBOARD_PROBE_OUT;
if (report)
  writeFileSync(report, JSON.stringify({ exitCode, maxRssKiB: process.resourceUsage().maxRSS }));
process.exitCode = exitCode;
