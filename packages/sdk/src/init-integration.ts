import type { IntegrationConfig } from "./config-types.ts";
import { type ActionsShape, Integration, type TriggersShape } from "./integration.ts";
import type {
  ActionHandler,
  ConnectedAccountHandler,
  PollingTriggerHandler,
  PrecompiledValidators,
  SpecSecrets,
} from "./types.ts";

/**
 * One handler per action of `A`, by action name: check a handler map with `satisfies`. An
 * action whose spec declares `secrets` gets exactly those keys in `context.secrets`.
 */
export type ActionHandlers<A extends ActionsShape<A>, C> = {
  [K in keyof A]: ActionHandler<A[K]["input"], A[K]["output"], C, SpecSecrets<A[K]>>;
};

/** One handler per polling trigger of `T`, by trigger name, typed like `ActionHandlers`. */
export type TriggerHandlers<T extends TriggersShape<T>, C> = {
  [K in keyof T]: PollingTriggerHandler<T[K]["input"], T[K]["record"], C, SpecSecrets<T[K]>>;
};

/** What an integration declares beyond its types: whether it supports a connected account. */
export interface IntegrationFeatures {
  /** config.json sets `supports_connected_account`: its handler is then required. */
  connectedAccount: boolean;
}

/**
 * What `createIntegration` takes: every action's handler, every polling trigger's when the
 * integration declares any, and the connected account's when `F` says it is supported.
 * Forgetting one is a compile error, not a handler missing at run time.
 */
export type IntegrationHandlers<
  A extends ActionsShape<A>,
  T extends TriggersShape<T>,
  C,
  F extends IntegrationFeatures = { connectedAccount: false },
> = { actions: ActionHandlers<A, C> } & ([keyof T] extends [never]
  ? { triggers?: TriggerHandlers<T, C> }
  : { triggers: TriggerHandlers<T, C> }) &
  (F["connectedAccount"] extends true
    ? { connectedAccount: ConnectedAccountHandler<C> }
    : { connectedAccount?: ConnectedAccountHandler<C> });

/** What `create` takes: the integration's config and, usually, its precompiled validators. */
export interface IntegrationSource {
  config: IntegrationConfig;
  validators?: PrecompiledValidators;
  /** The config was checked already (codegen checks it before writing `config.gen.ts`). */
  configChecked?: boolean;
}

/** The typed builders of one integration, as its generated contract exports them. */
export interface IntegrationBuilders<
  A extends ActionsShape<A>,
  T extends TriggersShape<T>,
  C,
  F extends IntegrationFeatures = { connectedAccount: false },
> {
  /** Types the handler of one action from its name: inputs, credentials and output. */
  defineAction<K extends keyof A>(
    name: K,
    handler: ActionHandlers<A, C>[K],
  ): ActionHandlers<A, C>[K];
  /** Types the handler of one polling trigger from its name. */
  definePollingTrigger<K extends keyof T>(
    name: K,
    handler: TriggerHandlers<T, C>[K],
  ): TriggerHandlers<T, C>[K];
  /** Types the handler that describes the account the credentials belong to. */
  defineConnectedAccount(handler: ConnectedAccountHandler<C>): ConnectedAccountHandler<C>;
  /** Builds the integration: the config, the validators and every handler. */
  createIntegration(handlers: IntegrationHandlers<A, T, C, F>): Integration<A, T, C>;
}

/**
 * Starts the typed builders of an integration (in the spirit of tRPC's
 * `initTRPC.context<Ctx>().create()`): `initIntegration<Actions, Triggers, Credentials>()
 * .create({ config, validators })`. A generated contract is codegen's types plus this one call;
 * it passes `{ connectedAccount: true }` as `F` when config.json sets `supports_connected_account`.
 */
export function initIntegration<
  A extends ActionsShape<A>,
  T extends TriggersShape<T> = Record<never, never>,
  C = Record<string, unknown>,
  F extends IntegrationFeatures = { connectedAccount: false },
>(): { create(source: IntegrationSource): IntegrationBuilders<A, T, C, F> } {
  return {
    create: (source) => ({
      // The name only drives inference of the handler's type.
      defineAction: (_name, handler) => handler,
      definePollingTrigger: (_name, handler) => handler,
      defineConnectedAccount: (handler) => handler,
      createIntegration: (handlers) => createIntegration<A, T, C>(source, handlers),
    }),
  };
}

function createIntegration<A extends ActionsShape<A>, T extends TriggersShape<T>, C>(
  { config, validators, configChecked }: IntegrationSource,
  handlers: {
    actions: ActionHandlers<A, C>;
    triggers?: TriggerHandlers<T, C>;
    connectedAccount?: ConnectedAccountHandler<C>;
  },
): Integration<A, T, C> {
  const integration = new Integration<A, T, C>(config, {
    ...(validators && { validators }),
    ...(configChecked && { configChecked }),
  });
  // Exactly the config's names: a handler map's extra keys (a type error already) are ignored.
  const actions = handlers.actions as Record<string, unknown>;
  for (const name of Object.keys(config.actions)) {
    if (Object.hasOwn(actions, name)) integration.action(name as never, actions[name] as never);
  }
  const triggers = (handlers.triggers ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(config.polling_triggers ?? {})) {
    if (Object.hasOwn(triggers, name)) {
      integration.pollingTrigger(name as never, triggers[name] as never);
    }
  }
  if (handlers.connectedAccount) integration.connectedAccount(handlers.connectedAccount);
  return integration;
}
