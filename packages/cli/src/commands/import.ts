import path from "node:path";
import { findWorkspaceRoot } from "@plugboard/registry";
import { commonOptions, parseCommandArgs } from "../args.ts";
import { guard } from "../command.ts";
import { CliError } from "../errors.ts";
import type { ConvertedDescription } from "../import-openapi/convert-description.ts";
import { linkWorkspacePackages } from "../scaffold/scaffold.ts";
import { writeGenerated } from "../scaffold/write-generated.ts";
import { out, stdoutColors } from "../terminal.ts";

const help = `Usage: plugboard import openapi <spec.json|spec.yaml|file:-URL> --name <integration>
         [--tags a,b] [--operations id1,id2] [--dry-run] [--allow-invalid] [--cwd <dir>]

Creates integrations/<name> from an OpenAPI 3.0/3.1 description: one action per operation
(named from its operationId), its input and output schemas (shared schemas kept as
definitions + $ref), auth from the security schemes, handlers that call the endpoint, a test
per action against a local server, then runs codegen.

Options:
  --name <name>         the integration name, lowercase words joined by dashes (required)
  --tags <a,b>          only operations with one of these tags
  --operations <a,b>    only these operationIds
  --dry-run             print the actions it would create and what it would skip; write nothing
  --allow-invalid       import a description that fails OpenAPI schema validation
  --cwd <dir>           look for the workspace from <dir>
  -h, --help            show this help
`;

const validName = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** `plugboard import openapi`: a working integration from an OpenAPI description. */
export function importCommand(argv: string[]): Promise<number> {
  return guard("import", async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      ...commonOptions,
      name: { type: "string" },
      tags: { type: "string" },
      operations: { type: "string" },
      "dry-run": { type: "boolean" },
      "allow-invalid": { type: "boolean" },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const [format, spec, ...extra] = positionals;
    if (format !== "openapi" || spec === undefined || extra.length > 0) {
      throw new CliError(
        "usage",
        "expected `plugboard import openapi <spec> --name <integration>`",
      );
    }
    const name = values.name;
    if (name === undefined || !validName.test(name)) {
      throw new CliError(
        "usage",
        name === undefined
          ? "--name is required, e.g. --name acme-crm"
          : `--name ${name}: use lowercase words joined by dashes, e.g. "acme-crm"`,
      );
    }
    // Loaded on use: the parser, Ajv and the sampler would slow every other command's start.
    const [
      { loadDescription },
      { convertDescription, SelectionError },
      { dryRunLines },
      { writeImport },
    ] = await Promise.all([
      import("../import-openapi/load-description.ts"),
      import("../import-openapi/convert-description.ts"),
      import("../import-openapi/dry-run-report.ts"),
      import("../import-openapi/write-import.ts"),
    ]);
    const { document, problems } = await loadDescription(spec, {
      allowInvalid: values["allow-invalid"],
    });
    const c = stdoutColors();
    if (problems !== "") {
      process.stderr.write(
        `plugboard import: ${spec} fails OpenAPI validation; importing anyway:\n${problems}\n`,
      );
    }
    let result: ConvertedDescription;
    try {
      result = convertDescription(document, {
        name,
        source: spec,
        tags: list(values.tags),
        operations: list(values.operations),
      });
    } catch (error) {
      if (error instanceof SelectionError) throw new CliError("usage", error.message);
      throw error;
    }
    if (values["dry-run"]) {
      for (const line of dryRunLines(result)) out(line);
      out(
        c.dim(
          `${result.actions.length} actions, ${result.skipped.length} skipped; nothing written (--dry-run).`,
        ),
      );
      return 0;
    }
    const root = findWorkspaceRoot(values.cwd);
    const dir = await writeImport(root, name, result.files, writeGenerated);
    const linked = await linkWorkspacePackages(root, dir);
    const relative = path.relative(process.cwd(), dir) || ".";
    out(
      `${c.green("Created")} ${relative} (@plugboard/integration-${name}): ${result.actions.length} actions, ${result.skipped.length} skipped`,
    );
    for (const s of result.skipped) out(c.dim(`skipped ${s.what}: ${s.reason}`));
    if (linked.length > 0) {
      out(
        c.dim(
          `Linked ${linked.join(", ")}; run \`pnpm install\` to record the package in the lockfile.`,
        ),
      );
    }
    out(`Next: cd ${relative} && pnpm test`);
    return 0;
  });
}
