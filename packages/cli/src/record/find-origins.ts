import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// An absolute http(s) URL in a string literal or template: what handlers pass to context.fetch.
const URL_LITERAL = /["'`](https?:\/\/[a-z0-9.-]+(?::\d+)?)[/"'`?$]/gi;

/**
 * The API origins an integration's hand-written sources name (`https://api.trello.com` from
 * `context.fetch("https://api.trello.com/1/boards")`): those `--record` intercepts by default.
 */
export function findSourceOrigins(dir: string): string[] {
  const src = path.join(dir, "src");
  const origins = new Set<string>();
  let files: string[] = [];
  try {
    files = readdirSync(src, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  for (const file of files) {
    if (!/\.(ts|js|mts|mjs)$/.test(file) || file.split(path.sep).includes("generated")) continue;
    const text = readFileSync(path.join(src, file), "utf8");
    for (const match of text.matchAll(URL_LITERAL)) {
      const origin = match[1];
      if (origin && URL.canParse(origin)) origins.add(new URL(origin).origin);
    }
  }
  return [...origins].sort();
}
