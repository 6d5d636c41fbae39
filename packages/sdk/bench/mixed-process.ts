// The mixed regime in a process of its own that holds only the generated validators, as a
// server does (no Ajv, no runtime-compiled validators: run.ts checked the cases and wrote them
// with the validators' code to the file named by argv[2]). run.ts starts it with and without
// the V8 flags Plugboard's server processes apply, and reads the JSON it prints: each action's
// first call, then `rounds` rounds (the headline), then `rounds` more.
import { readFileSync } from "node:fs";
import type { ActionCase } from "./corpus-cases.ts";
import { buildRunners, timeMixed, warmUp } from "./execute-bench.ts";
import { loadStandalone, type StandaloneSources } from "./standalone.ts";

const [file = "", given = "100"] = process.argv.slice(2);
const rounds = Number(given);
const { configs, actions, sources } = JSON.parse(readFileSync(file, "utf8")) as {
  configs: Record<string, ActionCase["config"]>;
  actions: Array<Omit<ActionCase, "config">>;
  sources: StandaloneSources;
};
const cases: ActionCase[] = actions.map((c) => ({
  ...c,
  config: configs[c.integration] as ActionCase["config"],
}));
const runners = buildRunners(cases, loadStandalone(sources));
const first = await warmUp(runners);
const headline = await timeMixed(runners, rounds);
const later = await timeMixed(runners, rounds);
process.stdout.write(`${JSON.stringify({ firstUs: first.cpuUs, headline, later })}\n`);
