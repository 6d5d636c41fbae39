#!/usr/bin/env node
import { main } from "../dist/cli.js";

// `plugboard list | head` closes the pipe early: stop quietly, as Unix tools do.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
