// The mixed regime in a process of its own, with one set of generated validators, as a process
// serving many actions holds them. run.ts starts it with and without the V8 flags Plugboard's
// server processes apply, and reads the JSON it prints: each action's first call, then
// `rounds` rounds (the headline), then `rounds` more.
import { loadCases } from "./corpus-cases.ts";
import { buildRunners, timeMixed, warmUp } from "./execute-bench.ts";
import { standaloneValidators } from "./standalone.ts";

const rounds = Number(process.argv[2] ?? 100);
const { cases } = await loadCases();
const runners = buildRunners(cases, standaloneValidators(cases));
const first = await warmUp(runners);
const headline = await timeMixed(runners, rounds);
const later = await timeMixed(runners, rounds);
process.stdout.write(`${JSON.stringify({ firstUs: first.cpuUs, headline, later })}\n`);
