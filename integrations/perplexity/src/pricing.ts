import type { ChatCompletionInput } from "./generated/types.gen.ts";

/** A Sonar model Plugboard knows the price of. */
export type SonarModel = NonNullable<ChatCompletionInput["model"]>;

/** How much web content a request retrieved; sets the per-request fee. */
export type SearchContextSize = "low" | "medium" | "high";

/** One model's prices: USD per million tokens, and USD per thousand requests or searches. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
  /** Per-request fee by search context size (not charged for sonar-deep-research). */
  requestPerThousand?: Record<SearchContextSize, number>;
  citationPerMillion?: number;
  reasoningPerMillion?: number;
  searchQueryPerThousand?: number;
}

/**
 * Perplexity's published Sonar price list (docs.perplexity.ai, "Pricing"), as of this
 * package version. Update it here when Perplexity changes its prices; the README mirrors it.
 */
export const PRICES: Record<SonarModel, ModelPrice> = {
  sonar: {
    inputPerMillion: 1,
    outputPerMillion: 1,
    requestPerThousand: { low: 5, medium: 8, high: 12 },
  },
  "sonar-pro": {
    inputPerMillion: 3,
    outputPerMillion: 15,
    requestPerThousand: { low: 6, medium: 10, high: 14 },
  },
  "sonar-reasoning-pro": {
    inputPerMillion: 2,
    outputPerMillion: 8,
    requestPerThousand: { low: 6, medium: 10, high: 14 },
  },
  "sonar-deep-research": {
    inputPerMillion: 2,
    outputPerMillion: 8,
    citationPerMillion: 2,
    reasoningPerMillion: 3,
    searchQueryPerThousand: 5,
  },
};

/** The usage counters Perplexity returns with a completion. */
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  citation_tokens?: number | null;
  reasoning_tokens?: number | null;
  num_search_queries?: number | null;
}

/** What one completion cost in USD, rounded to a millionth of a cent. */
export function costUsd(model: SonarModel, usage: Usage, contextSize: SearchContextSize): number {
  const price = PRICES[model];
  const perMillion = (tokens: number | null | undefined, rate = 0) => ((tokens ?? 0) * rate) / 1e6;
  const cost =
    perMillion(usage.prompt_tokens, price.inputPerMillion) +
    perMillion(usage.completion_tokens, price.outputPerMillion) +
    perMillion(usage.citation_tokens, price.citationPerMillion) +
    perMillion(usage.reasoning_tokens, price.reasoningPerMillion) +
    ((usage.num_search_queries ?? 0) * (price.searchQueryPerThousand ?? 0)) / 1000 +
    (price.requestPerThousand?.[contextSize] ?? 0) / 1000;
  return Math.round(cost * 1e8) / 1e8;
}
