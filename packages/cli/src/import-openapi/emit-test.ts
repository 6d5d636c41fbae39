import type { ImportedAction } from "./build-action.ts";
import type { CredentialPlacement } from "./convert-auth.ts";
import type { Json } from "./description.ts";

/** The credentials a generated test runs with, and what the request must then carry. */
export interface TestAuth {
  /** Source text of the `auth` option of `ExecutionContext`, or `undefined`. */
  credentials: string | undefined;
  /** Source text of the assertions on the recorded request. */
  assertions: string[];
}

/** Test credentials for an integration's auth, and the assertions that prove they were sent. */
export function testAuth(platform: boolean, placements: CredentialPlacement[]): TestAuth {
  if (platform) {
    return {
      credentials: `{ auth_type: "PlatformOauth2", credentials: { access_token: "test-token" } }`,
      assertions: [`expect(request?.headers.authorization).toBe("Bearer test-token");`],
    };
  }
  if (placements.length === 0) return { credentials: undefined, assertions: [] };
  const fields: Record<string, string> = {};
  for (const p of placements) {
    fields[p.field] = `test-${p.field}`;
    if (p.passwordField) fields[p.passwordField] = `test-${p.passwordField}`;
  }
  const first = placements[0] as CredentialPlacement;
  const value = JSON.stringify(`test-${first.field}`);
  const assertion = {
    header: `expect(request?.headers[${JSON.stringify(first.name?.toLowerCase())}]).toBe(${value});`,
    query: `expect(request?.query[${JSON.stringify(first.name)}]).toBe(${value});`,
    bearer: `expect(request?.headers.authorization).toBe(${JSON.stringify(`Bearer test-${first.field}`)});`,
    basic: `expect(request?.headers.authorization).toMatch(/^Basic /);`,
  }[first.kind];
  return { credentials: JSON.stringify(fields), assertions: [assertion] };
}

/** What the generated test sends and expects back, computed at import time. */
export interface TestPlan {
  inputs: Record<string, Json>;
  reply: Json | undefined;
  /** Whether the input schema has required properties (then `{}` must be rejected). */
  hasRequired: boolean;
}

function expectedPath(action: ImportedAction, inputs: Record<string, Json>): string {
  const base = new URL(action.request.serverUrl).pathname.replace(/\/$/, "");
  const byWire = new Map(action.request.pathParams.map((f) => [f.wire, f.key]));
  const path = action.request.path.replace(/\{([^}]+)\}/g, (whole, wire: string) => {
    const key = byWire.get(wire);
    return key === undefined ? whole : String(inputs[key]);
  });
  return `${base}${path}`;
}

function bodyAssertion(action: ImportedAction, inputs: Record<string, Json>): string[] {
  const body = action.request.body;
  if (body === undefined || body.encoding !== "json") return [];
  if ("key" in body) {
    const value = inputs[body.key];
    return value === undefined ? [] : [`expect(request?.body).toEqual(${JSON.stringify(value)});`];
  }
  const sent: Record<string, Json> = {};
  for (const f of body.fields)
    if (inputs[f.key] !== undefined) sent[f.wire] = inputs[f.key] as Json;
  return [`expect(request?.body).toEqual(${JSON.stringify(sent)});`];
}

/**
 * A vitest file for one imported action: runs it against a local `@plugboard/testing` server
 * that answers as the description says (its example, or a sample of its schema) and checks the
 * request the handler sent. Created once; a person owns it afterwards.
 */
export function emitTest(
  action: ImportedAction,
  plan: TestPlan,
  auth: TestAuth,
  baseUrl: string,
): string {
  // An operation with servers of its own is redirected from its own origin.
  const origin =
    action.request.serverUrl === baseUrl
      ? "new URL(serverUrl).origin"
      : JSON.stringify(new URL(action.request.serverUrl).origin);
  const path = expectedPath(action, plan.inputs);
  const route = `${action.request.method} ${path}`;
  const reply =
    plan.reply === undefined
      ? `{ status: ${action.response.status} }`
      : `{ status: ${action.response.status}, body: reply }`;
  const queryChecks = action.request.query
    .filter((f) => plan.inputs[f.key] !== undefined)
    .map((f) => `expect(request?.query).toHaveProperty([${JSON.stringify(f.wire)}]);`);
  const checks = [
    `expect(request?.method).toBe(${JSON.stringify(action.request.method)});`,
    `expect(request?.path).toBe(${JSON.stringify(path)});`,
    ...queryChecks,
    ...bodyAssertion(action, plan.inputs),
    // requests(...) authorizes the API root's origin only: another server gets no credentials.
    ...(action.request.serverUrl === baseUrl ? auth.assertions : []),
  ];
  const contextAuth = auth.credentials === undefined ? "" : `\n    auth: ${auth.credentials},`;
  const data = plan.reply === undefined ? "null" : "reply";
  const rejects = plan.hasRequired
    ? `

  it("rejects inputs without their required properties", async () => {
    const context = contextFor(server.origin);
    // @ts-expect-error: the generated input type requires properties, as the validator does.
    const result = await integration.executeAction(${JSON.stringify(action.name)}, {}, context);
    await context.close();
    expect(result.type).toBe("validation_error");
    expect(server.requests).toHaveLength(0);
  });`
    : "";
  return `import { ExecutionContext } from "@plugboard/sdk";
import { type RecordingServer, startRecordingServer } from "@plugboard/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
${action.request.serverUrl === baseUrl ? 'import { serverUrl } from "../src/api.ts";\n' : ""}import { integration } from "../src/index.ts";

${plan.reply === undefined ? "" : `const reply = ${JSON.stringify(plan.reply, null, 2)};\n\n`}let server: RecordingServer;

beforeEach(async () => {
  server = await startRecordingServer({ ${JSON.stringify(route)}: ${reply} });
});

afterEach(async () => {
  await server.close();
});

function contextFor(origin: string) {
  return new ExecutionContext({${contextAuth}
    originOverrides: { [${origin}]: origin },
  });
}

describe(${JSON.stringify(action.name)}, () => {
  it(${JSON.stringify(`calls ${action.request.method} ${action.request.path} and returns the response`)}, async () => {
    const context = contextFor(server.origin);
    const result = await integration.executeAction(
      ${JSON.stringify(action.name)},
      ${JSON.stringify(plan.inputs, null, 2).replace(/\n/g, "\n      ")},
      context,
    );
    await context.close();
    expect(result).toMatchObject({ type: "action", result: { data: ${data} } });
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0];
${checks.map((c) => `    ${c}`).join("\n")}
  });${rejects}
});
`;
}
