import { type RecordingServer, startRecordingServer } from "@plugboard/testing";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  ActionError,
  clientErrorsAsActionErrors,
  ExecutionContext,
  HTTPError,
  type HttpCall,
  Integration,
  type IntegrationConfig,
} from "../src/index.ts";

let server: RecordingServer;
afterEach(async () => {
  await server?.close();
});

function config(fields: Record<string, unknown>): IntegrationConfig {
  return {
    name: "demo",
    version: "1.0.0",
    description: "Demo",
    entry_point: "src/index.ts",
    auth: {
      type: "custom",
      fields: { type: "object", properties: fields, required: Object.keys(fields) },
    },
    actions: {
      get_board: {
        description: "Gets a board",
        input_schema: { type: "object", properties: { id: { type: "string" } } },
        output_schema: { type: "object" },
      },
    },
    polling_triggers: {
      new_cards: {
        description: "New cards",
        polling_interval: "5m",
        input_schema: { type: "object" },
        output_schema: { type: "object" },
      },
    },
  };
}

type Trello = { api_key: string; token: string };

function trello() {
  return new Integration<
    { get_board: { input: { id?: string }; output: Record<string, unknown> } },
    { new_cards: { input: Record<string, never>; record: Record<string, unknown> } },
    Trello
  >(config({ api_key: { type: "string" }, token: { type: "string" } }))
    .requests({
      baseUrl: "https://api.trello.com/1",
      auth: { query: { key: "api_key", token: "token" } },
      headers: { Accept: "application/json" },
    })
    .action("get_board", async (inputs, context) => {
      const board = await context.fetch(`/boards/${inputs.id}`, { params: { fields: "name" } });
      return { data: board.data };
    });
}

function trelloContext(calls?: HttpCall[]) {
  return new ExecutionContext({
    auth: { api_key: "trello-key-1234", token: "trello-token-5678" },
    originOverrides: {
      "https://api.trello.com": server.origin,
      "https://files.example.com": server.origin,
    },
    onHttpCall: calls ? (call) => calls.push(call) : undefined,
  });
}

describe("integration.requests", () => {
  it("query-parameter auth (Trello): relative URLs resolve against baseUrl, key and token added", async () => {
    server = await startRecordingServer({ "GET /1/boards/b1": { body: { name: "Roadmap" } } });
    const context = trelloContext();
    const result = await trello().executeAction("get_board", { id: "b1" }, context);
    expect(result).toMatchObject({ type: "action", result: { data: { name: "Roadmap" } } });
    const [request] = server.requests;
    expect(request?.query).toEqual({
      key: "trello-key-1234",
      token: "trello-token-5678",
      fields: "name",
    });
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.headers.authorization).toBeUndefined();
    await context.close();
  });

  it("sends no credential to another origin, and redacts them from errors and call reports", async () => {
    server = await startRecordingServer({
      "GET /download": { body: "file" },
      "GET /1/boards/missing": { status: 404, body: { message: "board not found" } },
    });
    const calls: HttpCall[] = [];
    const context = trelloContext(calls);
    const integration = trello().action("get_board", async (inputs, ctx) => {
      await ctx.fetch("https://files.example.com/download");
      const board = await ctx.fetch(`/boards/${inputs.id}`);
      return { data: board.data };
    });
    const failure = integration.executeAction("get_board", { id: "missing" }, context);
    const error = await failure.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPError);
    const text = JSON.stringify({ error, message: (error as Error).message, calls });
    expect(text).not.toContain("trello-key-1234");
    expect(text).not.toContain("trello-token-5678");
    expect((error as Error).message).toContain("key=[REDACTED]&token=[REDACTED]");
    const download = server.requestsTo("GET /download")[0];
    expect(download?.query).toEqual({});
    expect(download?.headers.accept).not.toBe("application/json");
    await context.close();
  });

  it("Basic from fields and a base URL from the credentials (Freshdesk)", async () => {
    type Freshdesk = { api_key: string; domain: string };
    server = await startRecordingServer({ "GET /api/v2/tickets/7": { body: { id: 7 } } });
    const integration = new Integration<
      { get_board: { input: { id?: string }; output: Record<string, unknown> } },
      Record<string, never>,
      Freshdesk
    >(config({ api_key: { type: "string" }, domain: { type: "string" } }))
      .requests({
        baseUrl: (c) => `https://${c.domain}.freshdesk.com/api/v2`,
        auth: { basic: { username: "api_key", password: () => "X" } },
      })
      .action("get_board", async (_inputs, context) => {
        const ticket = await context.fetch("tickets/7");
        return { data: ticket.data };
      });
    const context = new ExecutionContext({
      auth: { api_key: "fd-key-9999", domain: "acme" },
      originOverrides: { "https://acme.freshdesk.com": server.origin },
    });
    const result = await integration.executeAction("get_board", {}, context);
    expect(result.type).toBe("action");
    expect(server.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from("fd-key-9999:X").toString("base64")}`,
    );
    await context.close();
  });

  it("custom headers from fields; an explicit header from the handler wins", async () => {
    type Keyed = { api_key: string };
    server = await startRecordingServer({ "GET /v1/me": { body: { ok: true } } });
    const make = (headers?: Record<string, string>) =>
      new Integration<
        { get_board: { input: { id?: string }; output: Record<string, unknown> } },
        Record<string, never>,
        Keyed
      >(config({ api_key: { type: "string" } }))
        .requests({
          baseUrl: "https://api.example.com/v1",
          auth: { headers: { "X-Api-Key": "api_key", Authorization: (c) => `Token ${c.api_key}` } },
        })
        .action("get_board", async (_inputs, context) => ({
          data: (await context.fetch("/me", { headers })).data,
        }));
    const context = new ExecutionContext({
      auth: { api_key: "abc-key-1234" },
      originOverrides: { "https://api.example.com": server.origin },
    });
    await make().executeAction("get_board", {}, context);
    await make({ authorization: "Token other" }).executeAction("get_board", {}, context);
    expect(server.requests.map((r) => [r.headers["x-api-key"], r.headers.authorization])).toEqual([
      ["abc-key-1234", "Token abc-key-1234"],
      ["abc-key-1234", "Token other"],
    ]);
    await context.close();
  });

  it("applies to polling triggers, context.paginate and the connected account too", async () => {
    server = await startRecordingServer({
      "GET /1/cards": (r) => ({ body: Number(r.query.page) < 2 ? [{ id: r.query.page }] : [] }),
      "GET /1/members/me": { body: { username: "ada" } },
    });
    const integration = trello()
      .pollingTrigger("new_cards", async (_inputs, _ts, context) => {
        const cards = await context
          .paginate<{ id: string }>("/cards", { type: "page", pageParam: "page", start: 0 })
          .all();
        return cards.map((card) => ({ id: card.id, data: card }));
      })
      .connectedAccount(async (context) => {
        const me = await context.fetch<{ username: string }>("/members/me");
        return { username: me.data.username };
      });
    const context = trelloContext();
    const records = await integration.executePollingTrigger("new_cards", {}, null, context);
    expect(records.map((r) => r.id)).toEqual(["0", "1"]);
    const account = await integration.getConnectedAccount(context);
    expect(account.result).toMatchObject({ username: "ada" });
    for (const request of server.requests) {
      expect(request.query.key).toBe("trello-key-1234");
      expect(request.query.token).toBe("trello-token-5678");
    }
    expect(server.requests).toHaveLength(4);
    await context.close();
  });

  it("is typed by the credentials: unknown fields do not compile", () => {
    const integration = trello();
    // @ts-expect-error "apikey" is not a credential field
    integration.requests({ baseUrl: "https://x", auth: { query: { key: "apikey" } } });
    expectTypeOf<Parameters<typeof integration.requests>[0]["auth"]>().not.toBeAny();
  });
});

describe("integration.mapErrors", () => {
  const freshdeskMessage = clientErrorsAsActionErrors((data) => {
    const body = data as {
      description?: string;
      errors?: Array<{ field: string; message: string }>;
    };
    if (!body?.description) return undefined;
    const details = (body.errors ?? []).map((e) => `${e.field}: ${e.message}`).join("; ");
    return details ? `${body.description} (${details})` : body.description;
  });

  it("turns a 4xx into an action_error with the API's own message", async () => {
    server = await startRecordingServer({
      "GET /1/boards/bad": {
        status: 400,
        body: { description: "Validation failed", errors: [{ field: "id", message: "invalid" }] },
      },
    });
    const context = trelloContext();
    const result = await trello()
      .mapErrors(freshdeskMessage)
      .executeAction("get_board", { id: "bad" }, context);
    expect(result).toEqual({
      version: "2.0.0",
      type: "action_error",
      result: {
        message: `400 from GET https://api.trello.com/1/boards/bad?key=[REDACTED]&token=[REDACTED]&fields=name: Validation failed (id: invalid)`,
        cost_usd: null,
      },
    });
    await context.close();
  });

  it("leaves 5xx, 429 and bodies without a message alone", async () => {
    server = await startRecordingServer({
      "GET /1/boards/down": { status: 503, body: { description: "down" } },
      "GET /1/boards/slow": { status: 429, body: { description: "slow" } },
      "GET /1/boards/plain": { status: 404, raw: "Not Found" },
    });
    const context = trelloContext();
    const integration = trello().mapErrors(freshdeskMessage);
    for (const id of ["down", "slow", "plain"]) {
      const error = await integration.executeAction("get_board", { id }, context).catch((e) => e);
      expect(error).toBeInstanceOf(HTTPError);
    }
    await context.close();
  });

  it("maps trigger errors too, and any mapper may build ActionErrors of its own", async () => {
    server = await startRecordingServer({
      "GET /1/cards": { status: 401, body: { message: "expired" } },
    });
    const integration = trello()
      .mapErrors((error) =>
        error instanceof HTTPError && error.status === 401
          ? new ActionError("Trello rejected the token: reconnect the account")
          : error,
      )
      .pollingTrigger("new_cards", async (_i, _t, context) => {
        await context.fetch("/cards");
        return [];
      });
    const context = trelloContext();
    await expect(integration.executePollingTrigger("new_cards", {}, null, context)).rejects.toThrow(
      "Trello rejected the token: reconnect the account",
    );
    await context.close();
  });
});
