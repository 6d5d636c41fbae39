import {
  DRAFT_07_ANNOTATIONS,
  DRAFT_07_ASSERTIONS,
  DRAFT_07_OTHER_KEYWORDS,
} from "@plugboard/sdk/internal";

/** Every draft-07 keyword: a key in a schema that is none of these and no known annotation may be a typo. */
const DRAFT_07_KEYWORDS: readonly string[] = [
  ...DRAFT_07_ASSERTIONS,
  ...DRAFT_07_ANNOTATIONS,
  ...DRAFT_07_OTHER_KEYWORDS,
];

const KNOWN = new Set(DRAFT_07_KEYWORDS);

/** Annotations config.json schemas carry on purpose (platform UI hints, OpenAPI's `nullable`). */
const PLATFORM_ANNOTATIONS = new Set(["label", "help_text", "nullable", "placeholder", "secret"]);

/** Levenshtein distance, stopping early once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * The draft-07 keyword `key` is likely a typo of (`requried` → `required`, `typ` → `type`,
 * `propertys` → `properties`, `itmes` → `items`), or `undefined` for keywords, known
 * annotations, `x-…` extensions and keys close to no keyword.
 */
export function likelyKeyword(key: string): string | undefined {
  if (KNOWN.has(key) || PLATFORM_ANNOTATIONS.has(key) || key.startsWith("x-")) return undefined;
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const keyword of DRAFT_07_KEYWORDS) {
    if (lower === keyword.toLowerCase()) return keyword;
    // Short keys tolerate one edit, longer ones two: `typ`→`type`, but not `id`→`if`.
    const limit = keyword.length <= 4 ? 1 : 2;
    if (key.length < 3) continue;
    const d = distance(lower, keyword.toLowerCase(), limit);
    if (d <= limit && d < bestDistance) {
      best = keyword;
      bestDistance = d;
    }
  }
  return best;
}
