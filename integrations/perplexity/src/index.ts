import { chatCompletion } from "./actions/chat_completion.ts";
import { createIntegration, type Handlers } from "./generated/contract.gen.ts";

/** The Perplexity integration, ready to execute actions. */
export const integration = createIntegration({
  actions: { chat_completion: chatCompletion } satisfies Handlers,
});

export { costUsd, PRICES } from "./pricing.ts";
