import { ActionError } from "@plugboard/sdk";
import { defineAction } from "../generated/contract.gen.ts";
import { costUsd, type SearchContextSize, type Usage } from "../pricing.ts";

const COMPLETIONS_URL = "https://api.perplexity.ai/chat/completions";

interface Completion {
  id: string;
  model: string;
  choices?: Array<{ finish_reason: "stop" | "length" | null; message: { content: string } }>;
  citations?: string[] | null;
  search_results?: Array<{ title: string; url: string; date?: string | null }> | null;
  related_questions?: string[] | null;
  usage: Usage & { total_tokens: number; search_context_size?: string | null };
}

function isContextSize(value: unknown): value is SearchContextSize {
  return value === "low" || value === "medium" || value === "high";
}

/** Asks a Sonar model and reports the call's cost from the returned token usage. */
export const chatCompletion = defineAction("chat_completion", async (inputs, context) => {
  const last = inputs.messages.at(-1);
  if (last?.role !== "user") {
    throw new ActionError(
      `chat_completion: the last message must have role "user", got "${last?.role}"; Perplexity answers the latest user message.`,
    );
  }
  const model = inputs.model ?? "sonar";
  // The operator's key (a declared secret), not the end user's: Perplexity bills the operator.
  const apiKey = context.secrets.PERPLEXITY_API_KEY;
  const response = await context.fetch<Completion>(COMPLETIONS_URL, {
    method: "POST",
    headers: { Authorization: `Bearer ${apiKey}` },
    json: {
      model,
      messages: inputs.messages,
      max_tokens: inputs.max_tokens,
      temperature: inputs.temperature,
      top_p: inputs.top_p,
      search_domain_filter: inputs.search_domain_filter,
      search_recency_filter: inputs.search_recency_filter,
      return_related_questions: inputs.return_related_questions,
      web_search_options: inputs.search_context_size && {
        search_context_size: inputs.search_context_size,
      },
    },
  });
  const completion = response.data;
  // Perplexity bills by what it reports; the requested size (or its default, low) is the fallback.
  const reported = completion.usage.search_context_size;
  const contextSize = isContextSize(reported) ? reported : (inputs.search_context_size ?? "low");
  const cost = costUsd(model, completion.usage, contextSize);
  const choice = completion.choices?.[0];
  if (!choice?.message.content) {
    throw new ActionError(`Perplexity returned no answer for completion ${completion.id}.`, {
      cost_usd: cost,
    });
  }
  const { prompt_tokens, completion_tokens, total_tokens } = completion.usage;
  return {
    cost_usd: cost,
    data: {
      id: completion.id,
      model: completion.model,
      answer: choice.message.content,
      finish_reason: choice.finish_reason,
      citations: completion.citations ?? [],
      search_results: (completion.search_results ?? []).map((r) => ({
        title: r.title,
        url: r.url,
        date: r.date ?? null,
      })),
      ...(completion.related_questions ? { related_questions: completion.related_questions } : {}),
      usage: {
        prompt_tokens,
        completion_tokens,
        total_tokens,
        search_context_size: completion.usage.search_context_size ?? null,
        citation_tokens: completion.usage.citation_tokens ?? null,
        num_search_queries: completion.usage.num_search_queries ?? null,
        reasoning_tokens: completion.usage.reasoning_tokens ?? null,
      },
      cost_usd: cost,
    },
  };
});
