import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCommand } from "../src/commands/import.ts";
import { convertDescription } from "../src/import-openapi/convert-description.ts";
import { loadDescription } from "../src/import-openapi/load-description.ts";
import { capture } from "./capture.ts";
import { packageDir, runTests, tempWorkspace, typecheck } from "./import-workspace.ts";

const fixture = (name: string) => path.join(packageDir, "test/fixtures/openapi", name);

async function convert(name: string, options: { tags?: string[]; operations?: string[] } = {}) {
  const { document } = await loadDescription(fixture(name));
  return convertDescription(document, { name: "tasks", source: name, ...options });
}

describe("convertDescription", () => {
  it("turns operations into actions with draft-07 inputs and outputs", async () => {
    const { config, actions } = await convert("tasks.yaml");
    expect(actions.map((a) => a.name)).toEqual(["list_tasks", "create_task", "delete_task"]);
    expect(config).toMatchObject({
      name: "tasks",
      display_name: "Tasks API",
      description: "A small task tracker.",
      auth: {
        type: "custom",
        fields: { properties: { token: { format: "password" } }, required: ["token"] },
      },
    });
    const list = (config.actions as Record<string, Record<string, unknown>>).list_tasks;
    expect(list?.display_name).toBe("List tasks");
    expect(list?.input_schema).toEqual({
      type: "object",
      properties: {
        project_id: { type: "string" },
        status: { type: "string", enum: ["open", "done"] },
        // OpenAPI 3.0's boolean exclusiveMinimum becomes draft-07's number.
        limit: { type: "integer", exclusiveMinimum: 0, maximum: 100 },
        label: { type: "array", items: { type: "string" } },
      },
      required: ["project_id", "limit"],
    });
    // nullable becomes a type union.
    expect(list?.output_schema).toMatchObject({
      items: { properties: { due: { type: ["string", "null"], format: "date" } } },
    });
  });

  it("drops readOnly from inputs and writeOnly from outputs, and merges an object body", async () => {
    const { config, actions } = await convert("tasks.yaml", { operations: ["createTask"] });
    const create = (config.actions as Record<string, Record<string, unknown>>).create_task;
    expect(create?.input_schema).toEqual({
      type: "object",
      properties: {
        project_id: { type: "string" },
        title: { type: "string", minLength: 1, examples: ["Buy milk"] },
        secret_note: { type: "string", writeOnly: true },
      },
      required: ["project_id", "title"],
    });
    expect(create?.output_schema).toEqual({
      type: "object",
      required: ["id", "title"],
      properties: { id: { type: "integer", readOnly: true }, title: { type: "string" } },
    });
    expect(actions[0]?.request.body).toEqual({
      encoding: "json",
      fields: [
        { wire: "title", key: "title" },
        { wire: "secret_note", key: "secret_note" },
      ],
    });
    expect(actions[0]?.response.examples.map((e) => e.name)).toEqual(["created", "wrong"]);
  });

  it("keeps shared schemas as definitions with local $refs, recursion included", async () => {
    const { config, actions, skipped } = await convert("tree.json");
    // Collisions are resolved in document order.
    expect(actions.map((a) => a.name)).toEqual(["put_node", "put_node_2"]);
    expect(config.auth).toEqual({ type: "platform", provider: "tasks", scopes: ["read", "write"] });
    const put = (config.actions as Record<string, Record<string, unknown>>).put_node;
    const node = {
      type: "object",
      required: ["name"],
      properties: {
        name: { type: "string" },
        parent: { $ref: "#/definitions/Node", description: "The parent node." },
        children: { type: "array", items: { $ref: "#/definitions/Node" } },
        size: { type: ["integer", "null"], examples: [3] },
      },
    };
    // A root that is only a reference is spelled out; what it refers to stays shared.
    expect(put?.output_schema).toEqual({ ...node, definitions: { Node: node } });
    // The body's properties become inputs; their own $refs stay references.
    expect(put?.input_schema).toEqual({
      type: "object",
      properties: { path: { type: "string" }, ...node.properties },
      required: ["path", "name"],
      definitions: { Node: node },
    });
    expect(skipped).toEqual([
      { what: "webhook nodeChanged", reason: "webhooks are sent by the API, not called" },
    ]);
  });

  it("writes handlers that call the endpoint and tests shaped from the examples", async () => {
    const { files } = await convert("tasks.yaml");
    expect(files["src/api.ts"]).toContain(
      'export const serverUrl = "https://api.tasks.example/v2";',
    );
    // The SDK's per-integration authorization puts the API key on requests to the API only.
    expect(files["src/index.ts"]).toContain(`}).requests({
  baseUrl: serverUrl,
  auth: { headers: { "X-Api-Key": "token" } },
});`);
    const handler = files["src/actions/list_tasks.ts"];
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated source text itself.
    expect(handler).toContain("/projects/${encodeURIComponent(String(inputs.project_id))}/tasks");
    expect(handler).toContain('pick(inputs, ["status", "limit", "label"])');
    expect(files["src/actions/create_task.ts"]).toContain(
      'json: pick(inputs, ["title", "secret_note"])',
    );
    // The valid example is the reply; the one with a wrong type is not.
    expect(files["test/create_task.test.ts"]).toContain('"title": "Buy milk"');
    expect(files["test/create_task.test.ts"]).not.toContain('"title": 42');
  });

  it("authorizes with the description's preferred scheme: bearer, basic or an API key in the query", () => {
    const document = (securitySchemes: Record<string, unknown>, security?: unknown) =>
      ({
        openapi: "3.1.0",
        info: { title: "Auth", version: "1" },
        servers: [{ url: "https://auth.example" }],
        paths: {
          "/me": { get: { operationId: "me", responses: { "204": { description: "ok" } } } },
        },
        components: { securitySchemes },
        ...(security === undefined ? {} : { security }),
      }) as never;
    const bearer = { type: "http", scheme: "bearer" };
    const query = { type: "apiKey", in: "query", name: "key" };
    const basic = { type: "http", scheme: "basic" };
    const cookie = { type: "apiKey", in: "cookie", name: "session" };
    const preferred = convertDescription(
      document({ jwt: bearer, apiKey: query }, [{ apiKey: [] }]),
      {
        name: "auth",
        source: "auth.json",
      },
    );
    expect(preferred.config.auth).toMatchObject({ fields: { required: ["api_key"] } });
    expect(preferred.files["src/index.ts"]).toContain('auth: { query: { key: "api_key" } },');
    expect(preferred.skipped).toEqual([
      {
        what: "security scheme jwt",
        reason: "the integration authenticates with one scheme, the description's first",
      },
    ]);
    const token = convertDescription(document({ jwt: bearer }), { name: "auth", source: "a" });
    expect(token.files["src/index.ts"]).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated source text itself.
      'auth: { headers: { Authorization: (credentials) => `Bearer ${credentials["jwt"]}` } },',
    );
    const user = convertDescription(document({ login: basic }), { name: "auth", source: "a" });
    expect(user.files["src/index.ts"]).toContain(
      'auth: { basic: { username: "login_username", password: "login_password" } },',
    );
    const none = convertDescription(document({ session: cookie }), { name: "auth", source: "a" });
    expect(none.config.auth).toBeUndefined();
    expect(none.skipped[0]?.reason).toBe(
      "a kind of scheme Plugboard cannot apply (cookie API key, digest…)",
    );
  });

  it("refuses unknown tags and operationIds, naming what exists", async () => {
    await expect(convert("tasks.yaml", { tags: ["nope"] })).rejects.toThrow(
      "--tags nope: no operation has this tag; the description's tags are files, notes, tasks",
    );
    await expect(convert("tasks.yaml", { operations: ["nope"] })).rejects.toThrow(
      "--operations nope: no operation has this operationId",
    );
  });
});

describe("plugboard import openapi", () => {
  let root = "";
  beforeAll(async () => {
    root = await tempWorkspace("plugboard-import-");
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("--dry-run prints one line per action and per skipped item, and writes nothing", async () => {
    const { code, stdout, stderr } = await capture(importCommand, [
      "openapi",
      fixture("tasks.yaml"),
      "--name",
      "tasks",
      "--dry-run",
      "--cwd",
      root,
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.split("\n").slice(0, 6)).toEqual([
      "action  list_tasks  GET /projects/{project_id}/tasks",
      "action  create_task  POST /projects/{project_id}/tasks",
      "action  delete_task  DELETE /projects/{project_id}/tasks/{task_id}",
      "skipped callback noteAdded of addNote: callbacks are requests the API makes, not actions",
      "skipped uploadFile: file upload (multipart/form-data request body)",
      "skipped addNote: non-JSON request body (text/plain)",
    ]);
    await expect(readdir(path.join(root, "integrations"))).rejects.toThrow();
  });

  it("reports a broken description with the parser's location, writing nothing", async () => {
    // Written here, not kept as a fixture: the formatter refuses a broken YAML file.
    const broken = path.join(root, "broken.yaml");
    await writeFile(
      broken,
      'openapi: 3.0.3\ninfo:\n  title: Broken\npaths:\n  /items:\n    get:\n      responses:\n        "200": { description: ok\n',
    );
    const { code, stderr } = await capture(importCommand, [
      "openapi",
      broken,
      "--name",
      "broken",
      "--cwd",
      root,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("broken.yaml");
    expect(stderr).toContain("(9:1)");
  });

  it("refuses a description that fails OpenAPI validation unless --allow-invalid", async () => {
    const { code, stderr } = await capture(importCommand, [
      "openapi",
      fixture("invalid.yaml"),
      "--name",
      "invalid",
      "--dry-run",
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("is not a valid OpenAPI 3.0.3 description (pass --allow-invalid");
    expect(stderr).toContain("must have required property 'responses'");
    const allowed = await capture(importCommand, [
      "openapi",
      fixture("invalid.yaml"),
      "--name",
      "invalid",
      "--dry-run",
      "--allow-invalid",
    ]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain("action  get_item  GET /items");
  });

  it("imports an integration that type-checks and passes its generated tests", async () => {
    const { code, stdout, stderr } = await capture(importCommand, [
      "openapi",
      fixture("tasks.yaml"),
      "--name",
      "tasks",
      "--cwd",
      root,
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("(@plugboard/integration-tasks): 3 actions, 3 skipped");
    const dir = path.join(root, "integrations", "tasks");
    expect(JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"))).toMatchObject({
      name: "@plugboard/integration-tasks",
      scripts: { codegen: "plugboard codegen .", test: "vitest run" },
      devDependencies: { "@plugboard/testing": "workspace:*" },
    });
    expect((await readdir(path.join(dir, "src/generated"))).sort()).toContain("contract.gen.ts");
    expect((await readdir(path.join(dir, "test"))).sort()).toEqual([
      "create_task.test.ts",
      "delete_task.test.ts",
      "list_tasks.test.ts",
    ]);
    const tsc = await typecheck(dir);
    expect(tsc.output).toBe("");
    expect(tsc.code).toBe(0);
    const vitest = await runTests(dir);
    expect(vitest.output).toMatch(/Tests\s+6 passed/);
    expect(vitest.code).toBe(0);

    const again = await capture(importCommand, [
      "openapi",
      fixture("tasks.yaml"),
      "--name",
      "tasks",
      "--cwd",
      root,
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("integrations/tasks already exists");
  }, 240_000);
});
