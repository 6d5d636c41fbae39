import { describe, expect, it } from "vitest";
import {
  ConfigurationError,
  ExecutionContext,
  Integration,
  type IntegrationConfig,
  type Logger,
  parseConfig,
  pickSecrets,
} from "../src/index.ts";

const KEY = "pplx-SECRET-VALUE-1234";

function config(): IntegrationConfig {
  return {
    name: "search",
    version: "1.0.0",
    description: "Search",
    entry_point: "index.ts",
    secrets: [
      { name: "search", keys: ["SEARCH_API_KEY"], optional_keys: ["SEARCH_REGION"] },
      { name: "other", keys: ["OTHER_KEY"] },
    ],
    actions: {
      ask: {
        description: "Asks",
        secrets: ["search"],
        input_schema: { type: "object" },
        output_schema: { type: "object" },
      },
      plain: {
        description: "Uses no secret",
        input_schema: { type: "object" },
        output_schema: { type: "object" },
      },
    },
  };
}

function thrown(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error("expected a ConfigurationError");
}

describe("declared secrets in config.json", () => {
  it("accepts top-level declarations referenced per action", () => {
    const parsed = parseConfig(JSON.stringify(config()), "config.json");
    expect(parsed.secrets?.[0]?.keys).toEqual(["SEARCH_API_KEY"]);
  });

  it("points at an action naming an undeclared secret, with the fix", () => {
    const bad = config();
    bad.actions.plain = {
      ...config().actions.ask,
      secrets: ["perplexity"],
    } as typeof bad.actions.ask & {};
    const error = thrown(() => parseConfig(JSON.stringify(bad, null, 2), "config.json"));
    expect(error.pointer).toBe("/actions/plain/secrets/0");
    expect(error.message).toContain(
      'secret "perplexity" is not declared (declared: "search", "other")',
    );
    expect(error.line).toBeGreaterThan(1);
  });

  it("rejects malformed declarations where they are", () => {
    const cases: Array<[unknown, string, string]> = [
      [{ name: "x" }, "/secrets/0", "has no keys"],
      [{ keys: ["A"] }, "/secrets/0", 'missing "name"'],
      [{ name: "x", keys: "A" }, "/secrets/0/keys", "expected an array of strings"],
      [{ name: "x", keys: ["A", 3] }, "/secrets/0/keys/1", "expected a non-empty string"],
    ];
    for (const [entry, pointer, message] of cases) {
      const bad = { ...config(), secrets: [entry], actions: {} };
      const error = thrown(() => parseConfig(JSON.stringify(bad), "config.json"));
      expect(error.pointer).toBe(pointer);
      expect(error.message).toContain(message);
    }
    const twice = {
      ...config(),
      secrets: [
        { name: "a", keys: ["A"] },
        { name: "a", keys: ["B"] },
      ],
    };
    twice.actions = {};
    expect(thrown(() => parseConfig(JSON.stringify(twice), "c.json")).message).toContain(
      'secret "a" is declared twice',
    );
  });
});

describe("secrets at run time", () => {
  it("gives the handler its declared secrets and redacts their values everywhere", async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: (m) => lines.push(m),
      info: (m) => lines.push(m),
      warn: (m) => lines.push(m),
      error: (m) => lines.push(m),
    };
    const integration = new Integration(config()).action("ask", async (_inputs, context) => {
      context.logger.info(`using ${context.secrets.SEARCH_API_KEY}`);
      return { data: { key_length: context.secrets.SEARCH_API_KEY?.length } };
    });
    const context = new ExecutionContext({ secrets: { SEARCH_API_KEY: KEY }, logger });
    const result = await integration.executeAction("ask", {}, context);
    expect(result).toEqual({
      version: "2.0.0",
      type: "action",
      result: { data: { key_length: KEY.length }, cost_usd: null },
    });
    expect(lines).toEqual(["using [REDACTED]"]);
    expect(context.redact(`x ${KEY} y`)).toBe("x [REDACTED] y");
    expect(JSON.stringify(context)).not.toContain(KEY);
  });

  it("refuses to run an action whose required secret is missing, naming the key only", async () => {
    let ran = false;
    const integration = new Integration(config()).action("ask", async () => {
      ran = true;
      return { data: {} };
    });
    const context = new ExecutionContext({ secrets: { SEARCH_REGION: "eu-west-secret" } });
    const error = await integration.executeAction("ask", {}, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).code).toBe("missing_secret");
    expect((error as Error).message).toBe(
      'Action "ask" of search needs secret key SEARCH_API_KEY (secret "search"), not set: give the runner it (environment variable or secrets file)',
    );
    expect((error as Error).message).not.toContain("eu-west-secret");
    expect(ran).toBe(false);
  });

  it("picks only the keys an action declares from a source", async () => {
    const source: Record<string, string> = {
      SEARCH_API_KEY: KEY,
      OTHER_KEY: "other-secret",
      HOME: "/root",
    };
    const asked: string[] = [];
    const lookup = {
      get: (key: string) => {
        asked.push(key);
        return source[key];
      },
    };
    expect(await pickSecrets(config(), "actions", "ask", lookup)).toEqual({ SEARCH_API_KEY: KEY });
    expect(asked).toEqual(["SEARCH_API_KEY", "SEARCH_REGION"]);
    expect(await pickSecrets(config(), "actions", "plain", lookup)).toEqual({});
  });
});
