import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { declaredBump, type PendingChangeset } from "./changesets.ts";
import type { Finding } from "./finding.ts";
import { showAtRevision } from "./git-base.ts";
import { type Bump, type ConfigChange, diffConfigs, requiredBump } from "./semver-impact.ts";

/** The version part of a validate report. */
export interface VersionReport {
  base: string | null;
  packageName: string;
  required: Bump;
  declared: Bump;
  changesets: string[];
  changes: ConfigChange[];
}

const order: Bump[] = ["none", "patch", "minor", "major"];

async function packageNameOf(dir: string): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as {
      name?: unknown;
    };
    if (typeof pkg.name === "string") return pkg.name;
  } catch {
    // Fall back to the naming convention below.
  }
  return `@plugboard/integration-${path.basename(dir)}`;
}

/** Compares config.json with its version at `base` and the bump pending changesets declare. */
export async function checkVersion(
  dir: string,
  config: Record<string, unknown>,
  root: string,
  base: string | undefined,
  changesets: PendingChangeset[],
): Promise<{ findings: Finding[]; report: VersionReport }> {
  const packageName = await packageNameOf(dir);
  const declared = declaredBump(changesets, packageName);
  const report: VersionReport = {
    base: base ?? null,
    packageName,
    required: "none",
    declared: declared.bump,
    changesets: declared.files.map((file) => path.relative(root, file)),
    changes: [],
  };
  if (base === undefined) {
    const message = "not in a git repository with commits: version bump not checked";
    return { findings: [{ level: "note", check: "version", message }], report };
  }
  const file = await realpath(path.join(dir, "config.json"));
  const previous = await showAtRevision(root, base, file);
  if (previous === undefined) {
    const message = `config.json is new since ${base}: its first release needs no bump check`;
    return { findings: [{ level: "note", check: "version", message }], report };
  }
  let before: Record<string, unknown>;
  try {
    before = JSON.parse(previous) as Record<string, unknown>;
  } catch {
    const message = `config.json at ${base} is not valid JSON: version bump not checked`;
    return { findings: [{ level: "warning", check: "version", message }], report };
  }
  report.changes = diffConfigs(before, config);
  report.required = requiredBump(report.changes);
  const findings: Finding[] = [];
  if (order.indexOf(report.declared) < order.indexOf(report.required)) {
    const have =
      report.declared === "none"
        ? "no pending changeset declares a bump"
        : `pending changesets declare only ${report.declared}`;
    findings.push({
      level: "error",
      check: "version",
      message: `config.json changes since ${base} need a ${report.required} bump of ${packageName}, but ${have}: run \`pnpm changeset\` and choose ${report.required}`,
    });
  } else if (report.required !== "none") {
    findings.push({
      level: "note",
      check: "version",
      message: `config.json changes since ${base} need a ${report.required} bump; changesets declare ${report.declared}`,
    });
  }
  return { findings, report };
}
