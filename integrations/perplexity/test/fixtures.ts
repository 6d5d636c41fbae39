/** A completion shaped like Perplexity's documented POST /chat/completions response. */
export function completion(overrides: Record<string, unknown> = {}) {
  return {
    id: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    model: "sonar-pro",
    created: 1763800000,
    object: "chat.completion",
    usage: {
      prompt_tokens: 14,
      completion_tokens: 212,
      total_tokens: 226,
      search_context_size: "medium",
    },
    citations: [
      "https://www.esa.int/Science_Exploration/Space_Science/Gaia",
      "https://en.wikipedia.org/wiki/Milky_Way",
    ],
    search_results: [
      {
        title: "Gaia overview",
        url: "https://www.esa.int/Science_Exploration/Space_Science/Gaia",
        date: "2025-06-12",
      },
      {
        title: "Milky Way - Wikipedia",
        url: "https://en.wikipedia.org/wiki/Milky_Way",
        date: null,
        last_updated: "2026-11-01",
      },
    ],
    choices: [
      {
        index: 0,
        finish_reason: "stop",
        message: {
          role: "assistant",
          content: "Estimates put the Milky Way at 100 to 400 billion stars [1][2].",
        },
      },
    ],
    ...overrides,
  };
}
