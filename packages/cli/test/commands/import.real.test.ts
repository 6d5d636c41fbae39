// Real descriptions shipped on npm, read from node_modules (never copied into the repository):
// GitHub's official one (@octokit/openapi, its `issues` tag) and Blockfrost's (@blockfrost/openapi).
import { rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCommand } from "../../src/commands/import.ts";
import { checkExamples } from "../../src/import-openapi/check-examples.ts";
import {
  type ConvertedDescription,
  convertDescription,
} from "../../src/import-openapi/convert-description.ts";
import { loadDescription } from "../../src/import-openapi/load-description.ts";
import { capture } from "../capture.ts";
import { runTests, tempWorkspace, typecheck } from "../import-workspace.ts";

const require = createRequire(import.meta.url);
const github = path.join(
  path.dirname(require.resolve("@octokit/openapi/package.json")),
  "generated/api.github.com.json",
);
const blockfrost = path.join(
  path.dirname(require.resolve("@blockfrost/openapi/package.json")),
  "openapi.yaml",
);
// Until codegen accepts `definitions` + `$ref` (the authoring-kit work), these descriptions,
// whose shared schemas stay shared, convert but cannot be generated.
// A representative subset keeps CI fast; the bench imports the whole tag.
const githubSubset = [
  "issues/create",
  "issues/get",
  "issues/update",
  "issues/list-for-repo",
  "issues/create-comment",
  "issues/add-labels",
  "issues/remove-label",
  "issues/lock",
];

describe("GitHub's description, issues tag", () => {
  let converted: ConvertedDescription;
  beforeAll(async () => {
    const { document, problems } = await loadDescription(github);
    expect(problems).toBe("");
    converted = convertDescription(document, { name: "github", source: github, tags: ["issues"] });
  }, 300_000);

  it("converts every operation of the tag, with a test that has valid inputs and reply", () => {
    expect(converted.actions.length).toBeGreaterThanOrEqual(50);
    expect(converted.skipped).toEqual([]);
    expect(converted.unsampled).toEqual([]);
    const names = converted.actions.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(["issues_create", "issues_list_for_repo"]));
    expect(new Set(names).size).toBe(names.length);
    const create = converted.actions.find((a) => a.name === "issues_create");
    expect(create?.request).toMatchObject({
      method: "POST",
      path: "/repos/{owner}/{repo}/issues",
      serverUrl: "https://api.github.com",
      body: { encoding: "json" },
    });
    // Shared schemas stay shared: the issue refers to its user, milestone… by $ref.
    expect(create?.config.output_schema).toMatchObject({
      properties: { user: { $ref: "#/definitions/nullable-simple-user" } },
      definitions: {
        issue: { properties: { user: { $ref: "#/definitions/nullable-simple-user" } } },
        // OpenAPI 3.0's `nullable` becomes a type union.
        "nullable-simple-user": { type: ["object", "null"] },
      },
    });
  });

  it("has validators that accept the description's examples, but for the ones it gets wrong", () => {
    const report = checkExamples(converted.actions);
    expect(report.checked).toBeGreaterThanOrEqual(300);
    // The description's own mistakes: these examples lack the `assignee` its schema requires.
    expect(report.rejected).toEqual([
      {
        where: "issues_get response example default",
        error: "/ must have required property 'assignee'",
      },
      {
        where: "issues_get response example pinned_comment",
        error: "/ must have required property 'assignee'",
      },
    ]);
  });
});

describe("Blockfrost's description, whole", () => {
  let converted: ConvertedDescription;
  beforeAll(async () => {
    // Blockfrost writes `type: "null"`, which OpenAPI 3.0 does not allow (3.1 does).
    const { document, problems } = await loadDescription(blockfrost, { allowInvalid: true });
    expect(problems).toContain("must be equal to one of the allowed values");
    converted = convertDescription(document, { name: "blockfrost", source: blockfrost });
  }, 300_000);

  it("converts every JSON operation and says why it skipped the others", () => {
    expect(converted.actions.length).toBeGreaterThanOrEqual(120);
    expect(converted.unsampled).toEqual([]);
    expect(converted.skipped).toEqual([
      { what: "POST /tx/submit", reason: "non-JSON request body (application/cbor)" },
      { what: "POST /utils/txs/evaluate", reason: "non-JSON request body (application/cbor)" },
      { what: "ipfs_add", reason: "file upload (multipart/form-data request body)" },
    ]);
    expect(converted.config.auth).toMatchObject({
      type: "custom",
      fields: { properties: { project_id: { format: "password" } }, required: ["project_id"] },
    });
    expect(converted.files["src/api.ts"]).toContain(
      'export const serverUrl = "https://cardano-mainnet.blockfrost.io/api/v0";',
    );
    expect(converted.files["src/index.ts"]).toContain(
      'auth: { headers: { project_id: "project_id" } },',
    );
  });

  it("has validators that accept the description's examples, but for the ones it gets wrong", () => {
    const report = checkExamples(converted.actions);
    expect(report.checked).toBeGreaterThanOrEqual(400);
    expect(report.rejected).toEqual([
      {
        where: "get_accounts_stake_address_utxos output_schema#/definitions/account_utxo_content",
        error: "/0 must have required property 'tx_index'",
      },
      {
        where: "get_addresses_address_utxos output_schema#/definitions/address_utxo_content",
        error: "/0 must have required property 'tx_index'",
      },
      {
        where: "get_pools_extended output_schema#/definitions/pool_list_extended",
        error: "/0/live_saturation must be number",
      },
      {
        where:
          "get_utils_addresses_xpub_xpub_role_index output_schema#/definitions/utils_addresses_xpub",
        error: "/ must be object",
      },
    ]);
  });
});

describe("imported real integrations, end to end", () => {
  let root = "";
  beforeAll(async () => {
    root = await tempWorkspace("plugboard-import-real-");
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it.each([
    ["github", github, ["--operations", githubSubset.join(",")]],
    ["blockfrost", blockfrost, ["--tags", "Cardano » Blocks", "--allow-invalid"]],
  ])(
    "%s: generates, type-checks and passes its generated tests",
    async (name, spec, options) => {
      const { code, stderr } = await capture(importCommand, [
        "openapi",
        spec,
        "--name",
        name,
        ...options,
        "--cwd",
        root,
      ]);
      if (!options.includes("--allow-invalid")) expect(stderr).toBe("");
      expect(code).toBe(0);
      const dir = path.join(root, "integrations", name);
      const tsc = await typecheck(dir);
      expect(tsc.output).toBe("");
      expect(tsc.code).toBe(0);
      const vitest = await runTests(dir);
      expect(vitest.output).toMatch(/Tests\s+\d+ passed/);
      expect(vitest.output).not.toMatch(/failed/);
      expect(vitest.code).toBe(0);
    },
    600_000,
  );
});
