import path from "node:path";
import type { PendingChangeset } from "./changesets.ts";
import { checkHandlers } from "./check-handlers.ts";
import { checkPackageVersion } from "./check-package-version.ts";
import { checkReadme } from "./check-readme.ts";
import { checkStubs } from "./check-stubs.ts";
import { checkVersion, type VersionReport } from "./check-version.ts";
import type { Finding } from "./finding.ts";
import { loadConfig } from "./load-config.ts";

/** Everything `plugboard validate` found about one integration. */
export interface IntegrationReport {
  name: string;
  dir: string;
  ok: boolean;
  findings: Finding[];
  version: VersionReport | null;
}

function namesOf(config: Record<string, unknown>, key: string): string[] {
  const section = config[key];
  return typeof section === "object" && section !== null ? Object.keys(section) : [];
}

/** Checks one integration folder the way a reviewer would. */
export async function validateIntegration(
  dir: string,
  options: { root: string; base: string | undefined; changesets: PendingChangeset[] },
): Promise<IntegrationReport> {
  const report: IntegrationReport = {
    name: path.basename(dir),
    dir: path.relative(options.root, dir) || ".",
    ok: false,
    findings: [],
    version: null,
  };
  const loaded = await loadConfig(dir);
  if ("finding" in loaded) {
    report.findings.push(loaded.finding);
    return report;
  }
  const { config } = loaded;
  report.findings.push(...loaded.findings);
  const actions = namesOf(config, "actions");
  const triggers = namesOf(config, "polling_triggers");
  report.findings.push(...(await checkHandlers(dir, "action", "actions", actions)));
  report.findings.push(
    ...(await checkHandlers(dir, "polling trigger", "polling_triggers", triggers)),
  );
  report.findings.push(...(await checkStubs(dir)));
  report.findings.push(...(await checkReadme(dir, [...actions, ...triggers], config)));
  report.findings.push(...(await checkPackageVersion(dir, config)));
  const version = await checkVersion(dir, config, options.root, options.base, options.changesets);
  report.findings.push(...version.findings);
  report.version = version.report;
  report.ok = report.findings.every((finding) => finding.level !== "error");
  return report;
}
