import { main } from "../src/cli.ts";

// Runs the CLI from source, as bin/plugboard.js runs it from dist.
process.exitCode = await main(process.argv.slice(2));
