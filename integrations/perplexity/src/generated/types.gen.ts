// provisional
export interface ChatCompletionInput {
/**
 * sonar (fast, cheapest), sonar-pro (deeper answers), sonar-reasoning-pro (step-by-step reasoning), sonar-deep-research (long reports). Default sonar.
 */
model?: ("sonar" | "sonar-pro" | "sonar-reasoning-pro" | "sonar-deep-research")
/**
 * The conversation, oldest first; optional system messages first, then user and assistant turns alternating, ending with a user message.
 * 
 * @minItems 1
 */
messages: [{
role: ("system" | "user" | "assistant")
content: string
}, ...({
role: ("system" | "user" | "assistant")
content: string
})[]]
/**
 * Upper bound on answer tokens.
 */
max_tokens?: number
/**
 * Randomness, 0-2 (Perplexity's default 0.2).
 */
temperature?: number
/**
 * Nucleus sampling threshold, 0-1.
 */
top_p?: number
/**
 * How much web content to retrieve; also sets the per-request fee (Perplexity's default low).
 */
search_context_size?: ("low" | "medium" | "high")
/**
 * Only search these domains; prefix a domain with - to exclude it (at most 20).
 * 
 * @maxItems 20
 */
search_domain_filter?: []|[string]|[string, string]|[string, string, string]|[string, string, string, string]|[string, string, string, string, string]|[string, string, string, string, string, string]|[string, string, string, string, string, string, string]|[string, string, string, string, string, string, string, string]|[string, string, string, string, string, string, string, string, string]|[string, string, string, string, string, string, string, string, string, string]|[string, string, string, string, string, string, string, string, string, string, string]|[string, string, string, string, string, string, string, string, string, string, string, string]|[string, string, string, string, string, string, string, string, string, string, string, string, string]|[string, string, string, string, string, string, string, string, string, string, string, string, string, string]|[string, string, string, string, string, string, string, string, string, string, string, string, string, string, string]|[string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string]|[string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string]|[string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string]|[string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string]|[string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string]
/**
 * Only use sources published within this period.
 */
search_recency_filter?: ("hour" | "day" | "week" | "month" | "year")
/**
 * Also return follow-up questions.
 */
return_related_questions?: boolean
}
export interface ChatCompletionOutput {
/**
 * Perplexity's id for the completion.
 */
id: string
/**
 * The model that answered.
 */
model: string
/**
 * The answer text (Markdown, with [1]-style citation markers).
 */
answer: string
/**
 * stop, or length when max_tokens cut the answer.
 */
finish_reason: ("stop" | "length" | null)
/**
 * Source URLs, in the order the [n] markers refer to.
 */
citations: string[]
/**
 * The sources used, with titles and dates.
 */
search_results: {
title: string
url: string
date?: (string | null)
[k: string]: unknown
}[]
/**
 * Follow-up questions, when requested.
 */
related_questions?: string[]
/**
 * Token usage as Perplexity reports it.
 */
usage: {
prompt_tokens: number
completion_tokens: number
total_tokens: number
search_context_size?: (string | null)
citation_tokens?: (number | null)
num_search_queries?: (number | null)
reasoning_tokens?: (number | null)
[k: string]: unknown
}
/**
 * What the call cost, from the usage and Plugboard's copy of Perplexity's price list (see the README).
 */
cost_usd: number
[k: string]: unknown
}
export interface Credentials {
api_key: string
}
export interface Actions {
  chat_completion: { input: ChatCompletionInput; output: ChatCompletionOutput };
}
export interface Triggers {

}
