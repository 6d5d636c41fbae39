import { header } from "./header.ts";
import type { Plan } from "./plan.ts";

/**
 * `src/generated/contract.gen.ts`: the handler contract, as types plus one call of the SDK's
 * builders. `Handlers` and `TriggerHandlers` are the handler maps to check with `satisfies` (a
 * missing action is TS1360, a stale one TS2353); `defineAction`, `definePollingTrigger`,
 * `defineConnectedAccount` and `createIntegration` come from `initIntegration`, typed by this
 * integration's `Actions`, `Triggers` and `Credentials`. `createIntegration` requires the
 * handlers of declared polling triggers (from `Triggers`) and, when config.json sets
 * `supports_connected_account`, of the connected account (the `{ connectedAccount: true }` flag):
 * forgetting one is a compile error, not a handler missing at run time.
 */
export function emitContract(plan: Plan): string {
  const features = plan.connectedAccount ? ", { connectedAccount: true }" : "";
  return `${header("the handler contract")}
import {
  type ActionHandlers,
  initIntegration,
  type TriggerHandlers as TriggerHandlerMap,
} from "@plugboard/sdk";
import { config } from "./config.gen.ts";
import type { Actions, Credentials, Triggers } from "./types.gen.ts";
import { validators } from "./validators.gen.js";

/**
 * One handler per action of config.json, by action name.
 * Check a handler map with \`satisfies Handlers\`: a missing action is then error TS1360 and
 * one config.json no longer declares is TS2353.
 */
export type Handlers = ActionHandlers<Actions, Credentials>;

/** One handler per polling trigger of config.json, by trigger name. */
export type TriggerHandlers = TriggerHandlerMap<Triggers, Credentials>;

// configChecked: codegen checked config.gen.ts's config before writing it.
export const { defineAction, definePollingTrigger, defineConnectedAccount, createIntegration } =
  initIntegration<Actions, Triggers, Credentials${features}>().create({
    config,
    validators,
    configChecked: true,
  });
`;
}
