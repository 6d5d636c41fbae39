import { describe, expect, expectTypeOf, it } from "vitest";
import {
  ExecutionContext,
  type IntegrationConfig,
  initIntegration,
  type ValidateFunction,
} from "../src/index.ts";

interface Actions {
  echo: { input: { text: string }; output: { text: string } };
}
interface Triggers {
  ticks: { input: Record<string, never>; record: { n: number } };
}
interface Credentials {
  api_key: string;
}

const config: IntegrationConfig = {
  name: "echo",
  version: "1.0.0",
  description: "Echoes.",
  entry_point: "echo.py",
  auth: { type: "custom", fields: { type: "object", properties: { api_key: { type: "string" } } } },
  actions: {
    echo: {
      description: "Echo.",
      input_schema: { type: "object", properties: { text: { type: "string" } } },
      output_schema: { type: "object" },
    },
  },
  polling_triggers: {
    ticks: {
      description: "Ticks.",
      polling_interval: "1m",
      input_schema: { type: "object" },
      output_schema: { type: "object" },
    },
  },
};

describe("initIntegration", () => {
  const t = initIntegration<Actions, Triggers, Credentials>().create({ config });

  it("types handlers from their names and passes them through", () => {
    const echo = t.defineAction("echo", async (inputs, context) => {
      expectTypeOf(inputs).toEqualTypeOf<{ text: string }>();
      expectTypeOf(context.credentials).toEqualTypeOf<Credentials>();
      return { data: { text: inputs.text } };
    });
    // @ts-expect-error: no such action
    t.defineAction("nope", echo);
    const ticks = t.definePollingTrigger("ticks", async () => [{ id: "1", data: { n: 1 } }]);
    const account = t.defineConnectedAccount(async () => ({ username: "me" }));
    const integration = t.createIntegration({
      actions: { echo },
      triggers: { ticks },
      connectedAccount: account,
    });
    expect(integration.registeredActions).toEqual(["echo"]);
    expect(integration.config).toBe(config);
  });

  it("runs what it built, with the validators it was given", async () => {
    const calls: unknown[] = [];
    const input = ((data: unknown) => {
      calls.push(data);
      return typeof (data as { text?: unknown }).text === "string";
    }) as ValidateFunction;
    const output = (() => true) as unknown as ValidateFunction;
    const built = initIntegration<Actions, Triggers, Credentials>().create({
      config,
      validators: { actions: { echo: { input, output } } },
      configChecked: true,
    });
    // A declared trigger's handler is required (a compile error): left out here on purpose, to
    // check that a trigger without a handler still fails clearly at run time.
    // @ts-expect-error -- `triggers` is required: Triggers declares ticks
    const integration = built.createIntegration({
      actions: { echo: async (inputs) => ({ data: { text: inputs.text.toUpperCase() } }) },
    });
    const context = new ExecutionContext({ auth: { api_key: "k" } });
    const outcome = await integration.executeAction("echo", { text: "hi" }, context);
    expect(outcome).toMatchObject({ type: "action", result: { data: { text: "HI" } } });
    expect(calls).toEqual([{ text: "hi" }]);
    const polled = await integration
      .executePollingTrigger("ticks", {}, null, context)
      .catch((error: Error) => error.message);
    expect(polled).toMatch(/not registered|no handler/i);
  });

  it("requires the handlers of declared triggers and of a supported connected account", () => {
    const echo = t.defineAction("echo", async (inputs) => ({ data: inputs }));
    const ticks = t.definePollingTrigger("ticks", async () => []);
    // @ts-expect-error -- Triggers declares ticks: `triggers` is required
    t.createIntegration({ actions: { echo } });
    // @ts-expect-error -- every declared trigger needs its handler
    t.createIntegration({ actions: { echo }, triggers: {} });
    const withAccount = initIntegration<
      Actions,
      Triggers,
      Credentials,
      { connectedAccount: true }
    >().create({ config });
    // @ts-expect-error -- a supported connected account needs its handler
    withAccount.createIntegration({ actions: { echo }, triggers: { ticks } });
    const account = withAccount.defineConnectedAccount(async () => ({ username: "me" }));
    const integration = withAccount.createIntegration({
      actions: { echo },
      triggers: { ticks },
      connectedAccount: account,
    });
    expect(integration.registeredActions).toEqual(["echo"]);
  });

  it("types context.secrets from an action's declared secrets", () => {
    interface SecretActions {
      echo: {
        input: { text: string };
        output: { text: string };
        secrets: { readonly ECHO_KEY: string; readonly ECHO_REGION?: string };
      };
    }
    const s = initIntegration<SecretActions, Record<never, never>, Credentials>().create({
      config,
    });
    s.defineAction("echo", async (inputs, context) => {
      expectTypeOf(context.secrets.ECHO_KEY).toEqualTypeOf<string>();
      expectTypeOf(context.secrets.ECHO_REGION).toEqualTypeOf<string | undefined>();
      // @ts-expect-error -- an undeclared secret is not on context.secrets
      void context.secrets.OTHER;
      return { data: inputs };
    });
    t.defineAction("echo", async (inputs, context) => {
      // Without declared secrets, any key may be read.
      expectTypeOf(context.secrets).toHaveProperty("ANYTHING");
      return { data: inputs };
    });
  });
});
