import path from "node:path";
import { findWorkspaceRoot } from "@plugboard/registry";
import { commonOptions, parseCommandArgs } from "../args.ts";
import { guard } from "../command.ts";
import { CliError } from "../errors.ts";
import { linkWorkspacePackages, scaffoldIntegration } from "../scaffold/scaffold.ts";
import type { AuthKind } from "../scaffold/templates.ts";
import { writeGenerated } from "../scaffold/write-generated.ts";
import { out, stdoutColors } from "../terminal.ts";

const help = `Usage: plugboard init <name> [--auth none|platform|custom] [--cwd <dir>]

Scaffolds integrations/<name> (the package @plugboard/integration-<name>): config.json with
one example action, package.json, tsconfig.json + tsconfig.build.json, README.md, the
example handler and a passing vitest test against a local HTTP server, then runs codegen.

Options:
  --auth <kind>  none (default), platform (OAuth managed by the platform) or custom
                 (user-entered fields, here an API key)
  --cwd <dir>    look for the workspace from <dir>
  -h, --help     show this help
`;

const authKinds: AuthKind[] = ["none", "platform", "custom"];
const validName = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** \`plugboard init\`: scaffolds a new integration that type-checks and passes its tests. */
export function initCommand(argv: string[]): Promise<number> {
  return guard("init", async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      ...commonOptions,
      auth: { type: "string", default: "none" },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const [name, ...extra] = positionals;
    if (name === undefined || extra.length > 0) {
      throw new CliError("usage", "expected one <name>, e.g. `plugboard init acme-crm`");
    }
    if (!validName.test(name)) {
      throw new CliError(
        "usage",
        `"${name}" is not a valid integration name: use lowercase words joined by dashes, e.g. "acme-crm"`,
      );
    }
    const auth = values.auth as AuthKind;
    if (!authKinds.includes(auth)) {
      throw new CliError("usage", `--auth ${values.auth}: expected one of ${authKinds.join(", ")}`);
    }
    const root = findWorkspaceRoot(values.cwd);
    const dir = await scaffoldIntegration(root, name, auth, writeGenerated);
    const linked = await linkWorkspacePackages(root, dir);
    const c = stdoutColors();
    const relative = path.relative(process.cwd(), dir) || ".";
    out(`${c.green("Created")} ${relative} (@plugboard/integration-${name}, auth: ${auth})`);
    if (linked.length > 0)
      out(
        c.dim(
          `Linked ${linked.join(", ")}; run \`pnpm install\` to record the package in the lockfile.`,
        ),
      );
    out(`Next: cd ${relative} && pnpm test, then edit config.json and run \`pnpm codegen\`.`);
    return 0;
  });
}
