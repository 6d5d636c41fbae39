/** The line that opens the README section `plugboard readme` owns. */
import { isObject } from "@plugboard/sdk/internal";
export const TABLE_START =
  "<!-- plugboard:actions:start (generated from config.json by `plugboard readme`; edits are overwritten) -->";
/** The line that closes it. */
export const TABLE_END = "<!-- plugboard:actions:end -->";

const START_PATTERN = /<!-- plugboard:actions:start[^>]*-->/;

type Json = Record<string, unknown>;

function cell(value: unknown): string {
  const text = typeof value === "string" ? (value.split("\n")[0] ?? "") : "";
  return text.replaceAll("|", "\\|").trim();
}

/** A markdown table with padded columns, as the workspace's formatter (biome) lays it out. */
export function markdownTable(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(3, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (row: string[]) =>
    `| ${widths.map((width, column) => (row[column] ?? "").padEnd(width)).join(" | ")} |`;
  const [head = [], ...body] = rows;
  return [line(head), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

/** The markdown tables of an integration's actions and polling triggers, from its config. */
export function actionTable(config: Json): string {
  const lines: string[] = [];
  const actions = isObject(config.actions) ? config.actions : {};
  lines.push(
    markdownTable([
      ["Action", "Description"],
      ...Object.entries(actions).map(([name, spec]) => [
        `\`${name}\``,
        cell(isObject(spec) ? spec.description : undefined),
      ]),
    ]),
  );
  const triggers = isObject(config.polling_triggers) ? config.polling_triggers : {};
  if (Object.keys(triggers).length > 0) {
    lines.push(
      "",
      markdownTable([
        ["Polling trigger", "Interval", "Description"],
        ...Object.entries(triggers).map(([name, spec]) => {
          const item = isObject(spec) ? spec : {};
          return [`\`${name}\``, cell(item.polling_interval), cell(item.description)];
        }),
      ]),
    );
  }
  if (config.supports_connected_account === true) {
    lines.push("", "Supports the connected-account lookup.");
  }
  return lines.join("\n");
}

/**
 * The README with its generated section replaced by the current tables; a README without
 * the section gets one appended under "## Actions".
 */
export function updateReadme(readme: string, config: Json): string {
  const section = `${TABLE_START}\n${actionTable(config)}\n${TABLE_END}`;
  const start = START_PATTERN.exec(readme);
  const end = readme.indexOf(TABLE_END);
  if (start && end > start.index) {
    return readme.slice(0, start.index) + section + readme.slice(end + TABLE_END.length);
  }
  const base = readme.endsWith("\n") || readme === "" ? readme : `${readme}\n`;
  return `${base}${base === "" ? "" : "\n"}## Actions\n\n${section}\n`;
}

/** Whether the README has the generated section and it matches the config. */
export function readmeTableState(readme: string, config: Json): "absent" | "fresh" | "stale" {
  if (!START_PATTERN.test(readme)) return "absent";
  return updateReadme(readme, config) === readme ? "fresh" : "stale";
}
