import { resolve } from "node:path";
import { commonOptions, parseCommandArgs } from "../args.ts";
import { buildIntegration } from "../bundle.ts";
import { guard } from "../command.ts";
import { BuildError } from "../errors.ts";
import { fail, out } from "../terminal.ts";

const help = `Usage: plugboard build [dir…]

Builds integration packages for publishing: src/index.ts is bundled with esbuild into
dist/index.js (the package's dependencies stay imports), and tsc writes the declarations.
A failed build leaves the previous dist/ untouched.

Arguments:
  dir…          integration folders (default: the current directory)

Options:
  -h, --help    show this help
`;

/** `plugboard build`: bundles integration packages into `dist/`. */
export function buildCommand(argv: string[]): Promise<number> {
  return guard("build", async () => {
    const { values, positionals } = parseCommandArgs(argv, { help: commonOptions.help });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    let failed = 0;
    for (const dir of positionals.length > 0 ? positionals : ["."]) {
      const started = performance.now();
      try {
        const outcome = await buildIntegration(resolve(dir));
        const kib = (outcome.bytes / 1024).toFixed(1);
        const ms = Math.round(performance.now() - started);
        out(
          `✓ built ${dir} → dist/index.js (${kib} KiB; external: ${outcome.external.join(", ") || "none"}) in ${ms} ms`,
        );
      } catch (error) {
        if (!(error instanceof BuildError)) throw error;
        fail("build", `${dir}: ${error.message}`);
        failed++;
      }
    }
    return failed > 0 ? 1 : 0;
  });
}
