import { packageJson, tsconfigs } from "../scaffold/templates.ts";
import { ActionNames, fallbackName, snakeCase } from "./action-name.ts";
import { buildAction, type ImportedAction } from "./build-action.ts";
import { convertAuth } from "./convert-auth.ts";
import {
  isObject,
  type Json,
  type JsonObject,
  type OpenApiDocument,
  objectAt,
  stringAt,
} from "./description.ts";
import { emitApiModule } from "./emit-api-module.ts";
import { emitHandler } from "./emit-handler.ts";
import { emitIndex } from "./emit-index.ts";
import { emitReadme } from "./emit-readme.ts";
import { emitTest, testAuth } from "./emit-test.ts";
import { validSample } from "./sample-value.ts";
import { type Selection, type Skipped, selectOperations } from "./select-operations.ts";
import { serverUrl } from "./server-url.ts";

// A big API's validators take seconds to load on a loaded machine: timeouts only catch hangs.
const VITEST_CONFIG = `import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 120_000 },
});
`;

/** What to import and under which name. */
export interface ConvertOptions extends Selection {
  /** The integration name (`acme-crm`). */
  name: string;
  /** How the description is named in the README (its path as given). */
  source: string;
}

/** An imported integration: its config, every file to write, and what was left out. */
export interface ConvertedDescription {
  config: JsonObject;
  /** Paths relative to the integration folder → contents. */
  files: Record<string, string>;
  actions: ImportedAction[];
  skipped: Skipped[];
  /** Actions whose generated test could not be given valid inputs or a valid reply. */
  unsampled: string[];
}

/** Why a selection matched nothing or named what is not there. */
export class SelectionError extends Error {
  override readonly name = "SelectionError";
}

function checkSelection(document: OpenApiDocument, selection: Selection): void {
  const tags = new Set<string>();
  const ids = new Set<string>();
  for (const item of Object.values(objectAt(document.paths))) {
    for (const op of Object.values(objectAt(item))) {
      if (!isObject(op)) continue;
      if (Array.isArray(op.tags))
        for (const tag of op.tags) if (typeof tag === "string") tags.add(tag);
      if (typeof op.operationId === "string") ids.add(op.operationId);
    }
  }
  const unknownTags = (selection.tags ?? []).filter((tag) => !tags.has(tag));
  if (unknownTags.length > 0) {
    throw new SelectionError(
      `--tags ${unknownTags.join(",")}: no operation has ${unknownTags.length > 1 ? "these tags" : "this tag"}; the description's tags are ${[...tags].sort().join(", ") || "(none)"}`,
    );
  }
  const unknownIds = (selection.operations ?? []).filter((id) => !ids.has(id));
  if (unknownIds.length > 0) {
    throw new SelectionError(
      `--operations ${unknownIds.join(",")}: no operation has ${unknownIds.length > 1 ? "these operationIds" : "this operationId"}; run with --dry-run and no filter to list them`,
    );
  }
}

function firstParagraph(text: string | undefined): string | undefined {
  return (
    text
      ?.split(/\n\s*\n/)[0]
      ?.replace(/\s+/g, " ")
      .trim() || undefined
  );
}

/**
 * Converts a parsed, validated OpenAPI 3.x description into an integration: config.json, the
 * package files, one handler and one test per selected operation. Pure: nothing touches disk.
 */
export function convertDescription(
  document: OpenApiDocument,
  options: ConvertOptions,
): ConvertedDescription {
  checkSelection(document, options);
  const { operations, skipped } = selectOperations(document, options);
  const names = new ActionNames();
  const actions: ImportedAction[] = [];
  for (const source of operations) {
    const wanted = source.operationId
      ? snakeCase(source.operationId)
      : fallbackName(source.method, source.path);
    const label = source.operationId ?? `${source.method.toUpperCase()} ${source.path}`;
    const built = buildAction(document, source, wanted);
    if ("skipped" in built) {
      skipped.push({ what: label, reason: built.skipped });
      continue;
    }
    built.action.name = names.allocate(wanted);
    actions.push(built.action);
  }
  if (actions.length === 0) {
    throw new SelectionError(
      `nothing to import: ${operations.length === 0 ? "no operation matches the selection" : "every selected operation was skipped"}`,
    );
  }

  const info = objectAt(document.info);
  const title = stringAt(info.title) ?? options.name;
  const { auth, placements, unused } = convertAuth(document, options.name);
  for (const scheme of unused) {
    skipped.push({
      what: `security scheme ${scheme}`,
      reason:
        auth === undefined
          ? "a kind of scheme Plugboard cannot apply (cookie API key, digest…)"
          : "the integration authenticates with one scheme, the description's first",
    });
  }
  const config: JsonObject = {
    name: options.name,
    display_name: title,
    version: "0.1.0",
    description:
      firstParagraph(stringAt(info.summary) ?? stringAt(info.description)) ?? `The ${title} API.`,
    entry_point: "src/index.ts",
  };
  if (auth !== undefined) config.auth = auth;
  const configActions: JsonObject = {};
  for (const action of actions) configActions[action.name] = action.config;
  config.actions = configActions;

  const pkg = JSON.parse(packageJson({ name: options.name, auth: "none" }));
  pkg.description = `Plugboard integration for ${title}, imported from its OpenAPI description.`;
  pkg.devDependencies = { ...pkg.devDependencies, "@plugboard/testing": "workspace:*" };
  const { main, build } = tsconfigs();
  const authText =
    auth === undefined
      ? "The description declares no security scheme: no credentials."
      : auth.type === "platform"
        ? "OAuth managed by the platform (`auth.type: platform`), from the description's OAuth2/OpenID Connect scheme."
        : "User-entered credentials (`auth.fields`) from the description's security scheme; `requests(...)` in `src/index.ts` puts them on each request to the API.";
  const baseUrl = serverUrl(document);
  const files: Record<string, string> = {
    "config.json": `${JSON.stringify(config, null, 2)}\n`,
    "package.json": `${JSON.stringify(pkg, null, 2)}\n`,
    "tsconfig.json": main,
    "tsconfig.build.json": build,
    "vitest.config.ts": VITEST_CONFIG,
    "README.md": emitReadme(options.name, title, options.source, authText, actions),
    "src/api.ts": emitApiModule(baseUrl),
    "src/index.ts": emitIndex(
      actions.map((a) => a.name),
      title,
      placements[0],
    ),
  };
  const credentials = testAuth(auth?.type === "platform", placements);
  const unsampled: string[] = [];
  for (const action of actions) {
    files[`src/actions/${action.name}.ts`] = emitHandler(action, baseUrl);
    const inputSchema = action.config.input_schema as Json;
    const inputs = validSample(inputSchema, { requiredOnly: true });
    const reply = action.response.json
      ? validSample(action.config.output_schema as Json, {
          requiredOnly: true,
          candidates: action.response.examples.map((e) => e.value),
        })
      : undefined;
    if (!isObject(inputs) || (action.response.json && reply === undefined)) {
      unsampled.push(action.name);
    }
    const required = objectAt(inputSchema).required;
    files[`test/${action.name}.test.ts`] = emitTest(
      action,
      {
        inputs: isObject(inputs) ? inputs : {},
        reply: action.response.json ? (reply ?? null) : undefined,
        hasRequired: Array.isArray(required) && required.length > 0,
      },
      credentials,
      baseUrl,
    );
  }
  return { config, files, actions, skipped, unsampled };
}
