// provisional
import { type ActionHandler, type ConnectedAccountHandler, Integration, type PollingTriggerHandler } from "@plugboard/sdk";
import { config } from "./config.gen.ts";
import type { Actions, Credentials, Triggers } from "./types.gen.ts";
export type Handlers = { [K in keyof Actions]: ActionHandler<Actions[K]["input"], Actions[K]["output"], Credentials> };
export type TriggerHandlers = { [K in keyof Triggers]: PollingTriggerHandler<Triggers[K]["input"], Triggers[K]["record"], Credentials> };
export function defineAction<N extends keyof Actions>(_name: N, fn: Handlers[N]): Handlers[N] { return fn; }
export function definePollingTrigger<N extends keyof Triggers>(_name: N, fn: TriggerHandlers[N]): TriggerHandlers[N] { return fn; }
export function defineConnectedAccount(fn: ConnectedAccountHandler<Credentials>): ConnectedAccountHandler<Credentials> { return fn; }
export function createIntegration(parts: { actions: Handlers; triggers?: TriggerHandlers; connectedAccount?: ConnectedAccountHandler<Credentials> }): Integration<Actions, Triggers, Credentials> {
  const integration = new Integration<Actions, Triggers, Credentials>(config);
  for (const [name, handler] of Object.entries(parts.actions)) integration.action(name as keyof Actions & string, handler as never);
  for (const [name, handler] of Object.entries(parts.triggers ?? {})) integration.pollingTrigger(name as never, handler as never);
  if (parts.connectedAccount) integration.connectedAccount(parts.connectedAccount);
  return integration;
}
