import { either } from "./actions/either.ts";
import { kitchenSink } from "./actions/kitchen_sink.ts";
import { noSchemaBody } from "./actions/no_schema_body.ts";
import { connectedAccount } from "./connected-account.ts";
import { createIntegration, type Handlers } from "./generated/contract.gen.ts";

/** The shapes integration, ready to execute actions and describe the connected account. */
export const integration = createIntegration({
  actions: {
    kitchen_sink: kitchenSink,
    either: either,
    no_schema_body: noSchemaBody,
  } satisfies Handlers,
  connectedAccount,
});
