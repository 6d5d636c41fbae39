import { ExecutionContext, HTTPError, RateLimitError } from "@plugboard/sdk";
import { type RecordingServer, type Routes, startRecordingServer } from "@plugboard/testing";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import type { Handlers } from "../src/generated/contract.gen.ts";
import type { ChatCompletionInput } from "../src/generated/types.gen.ts";
import { costUsd, integration } from "../src/index.ts";
import { completion } from "./fixtures.ts";

const API_KEY = "pplx-9f8e7d6c5b4a3f2e1d0c";
const ROUTE = "POST /chat/completions";
type Messages = ChatCompletionInput["messages"];
const ask: Messages = [{ role: "user", content: "How many stars are in the Milky Way?" }];
let server: RecordingServer;

async function serve(routes: Routes): Promise<ExecutionContext> {
  server = await startRecordingServer(routes);
  return new ExecutionContext({
    secrets: { PERPLEXITY_API_KEY: API_KEY },
    originOverrides: { "https://api.perplexity.ai": server.origin },
  });
}

afterEach(async () => {
  await server?.close();
});

describe("chat_completion", () => {
  it("posts the conversation with the options and bearer key, and returns answer and sources", async () => {
    const context = await serve({ [ROUTE]: { body: completion() } });
    const result = await integration.executeAction(
      "chat_completion",
      {
        model: "sonar-pro",
        messages: [{ role: "system", content: "Be precise." }, ...ask] as Messages,
        max_tokens: 300,
        temperature: 0.1,
        search_context_size: "medium",
        search_domain_filter: ["esa.int", "-reddit.com"],
        search_recency_filter: "year",
      },
      context,
    );
    expect(result.type).toBe("action");
    expect(result.result).toMatchObject({
      data: {
        answer: "Estimates put the Milky Way at 100 to 400 billion stars [1][2].",
        finish_reason: "stop",
        citations: completion().citations,
        search_results: [{ date: "2025-06-12" }, { title: "Milky Way - Wikipedia", date: null }],
        usage: {
          prompt_tokens: 14,
          completion_tokens: 212,
          total_tokens: 226,
          reasoning_tokens: null,
        },
      },
    });
    const [request] = server.requests;
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.body).toEqual({
      model: "sonar-pro",
      messages: [{ role: "system", content: "Be precise." }, ...ask],
      max_tokens: 300,
      temperature: 0.1,
      search_domain_filter: ["esa.int", "-reddit.com"],
      search_recency_filter: "year",
      web_search_options: { search_context_size: "medium" },
    });
  });

  it("bills tokens plus the request fee of the reported search context size", async () => {
    const context = await serve({ [ROUTE]: { body: completion() } });
    const result = await integration.executeAction(
      "chat_completion",
      { model: "sonar-pro", messages: ask },
      context,
    );
    // sonar-pro: $3/M input, $15/M output, $10 per 1,000 requests at medium context.
    const expected = (14 * 3) / 1e6 + (212 * 15) / 1e6 + 10 / 1000;
    const payload = result.result as { cost_usd: number; data: { cost_usd: number } };
    expect(payload.cost_usd).toBeCloseTo(expected, 10);
    expect(payload.data.cost_usd).toBe(payload.cost_usd);
  });

  it("defaults to sonar and bills the low request fee when Perplexity reports no context size", async () => {
    const usage = { prompt_tokens: 9, completion_tokens: 101, total_tokens: 110 };
    const context = await serve({ [ROUTE]: { body: completion({ model: "sonar", usage }) } });
    const result = await integration.executeAction("chat_completion", { messages: ask }, context);
    expect(server.requests[0]?.body).toMatchObject({ model: "sonar" });
    expect((result.result as { cost_usd: number }).cost_usd).toBeCloseTo(
      (9 + 101) / 1e6 + 5 / 1000,
      10,
    );
  });

  it("bills sonar-deep-research's citation, reasoning and search-query meters", async () => {
    const usage = {
      prompt_tokens: 30,
      completion_tokens: 3000,
      total_tokens: 3030,
      citation_tokens: 4000,
      reasoning_tokens: 20000,
      num_search_queries: 12,
      search_context_size: "low",
    };
    expect(costUsd("sonar-deep-research", usage, "low")).toBeCloseTo(
      (30 * 2 + 3000 * 8 + 4000 * 2 + 20000 * 3) / 1e6 + (12 * 5) / 1000,
      10,
    );
  });

  it("reports an empty answer as an action error that still carries the cost", async () => {
    const context = await serve({ [ROUTE]: { body: completion({ choices: [] }) } });
    const result = await integration.executeAction(
      "chat_completion",
      { model: "sonar-pro", messages: ask },
      context,
    );
    expect(result.type).toBe("action_error");
    expect((result.result as { cost_usd: number }).cost_usd).toBeCloseTo(
      (14 * 3 + 212 * 15) / 1e6 + 10 / 1000,
      10,
    );
  });

  it("rejects a conversation that does not end with a user message before calling Perplexity", async () => {
    const context = await serve({});
    const result = await integration.executeAction(
      "chat_completion",
      { messages: [...ask, { role: "assistant", content: "About 200 billion." }] as Messages },
      context,
    );
    expect(result).toMatchObject({ type: "action_error", result: { cost_usd: null } });
    expect(server.requests).toHaveLength(0);
  });

  it("surfaces a rejected key as HTTPError without the key in the message", async () => {
    const body = {
      error: { message: "Invalid API key provided.", type: "invalid_api_key", code: 401 },
    };
    const context = await serve({ [ROUTE]: { status: 401, body } });
    const error = await integration
      .executeAction("chat_completion", { messages: ask }, context)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ status: 401, responseData: body });
    expect((error as Error).message).not.toContain(API_KEY);
  });

  it("surfaces a 429 as RateLimitError", async () => {
    const context = await serve({
      [ROUTE]: {
        status: 429,
        headers: { "retry-after": "20" },
        body: { error: { message: "Rate limit exceeded", code: 429 } },
      },
    });
    const run = integration.executeAction("chat_completion", { messages: ask }, context);
    await expect(run).rejects.toBeInstanceOf(RateLimitError);
    await expect(run).rejects.toMatchObject({ retryAfter: 20 });
  });

  it("is refused, before any request, when the operator has not set PERPLEXITY_API_KEY", async () => {
    await serve({ [ROUTE]: { body: completion() } });
    const context = new ExecutionContext({
      originOverrides: { "https://api.perplexity.ai": server.origin },
    });
    const run = integration.executeAction("chat_completion", { messages: ask }, context);
    await expect(run).rejects.toMatchObject({
      name: "ConfigurationError",
      code: "missing_secret",
      message: expect.stringContaining("PERPLEXITY_API_KEY"),
    });
    expect(server.requests).toEqual([]);
  });

  it("types context.secrets from the secrets the action declares", () => {
    type Secrets = Parameters<Handlers["chat_completion"]>[1]["secrets"];
    expectTypeOf<Secrets>().toEqualTypeOf<{ readonly PERPLEXITY_API_KEY: string }>();
    // @ts-expect-error an undeclared secret is not on context.secrets
    expectTypeOf<Secrets["OPENAI_API_KEY"]>().toBeString();
  });
});
