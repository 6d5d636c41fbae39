const LINE_WIDTH = 100;

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

/**
 * JSON laid out as the workspace's formatter (biome) prints it: objects one key a line,
 * arrays of primitives on one line when they fit in 100 columns. So `plugboard init` writes
 * files that pass `biome check` untouched.
 */
export function formatJson(value: unknown): string {
  const write = (item: unknown, indent: string, prefixLength: number): string => {
    if (Array.isArray(item)) {
      if (item.length === 0) return "[]";
      const inline = `[${item.map((entry) => JSON.stringify(entry)).join(", ")}]`;
      if (item.every(isPrimitive) && prefixLength + inline.length + 1 <= LINE_WIDTH) return inline;
      const inner = `${indent}  `;
      return `[\n${item.map((entry) => `${inner}${write(entry, inner, inner.length)}`).join(",\n")}\n${indent}]`;
    }
    if (item !== null && typeof item === "object") {
      const entries = Object.entries(item);
      if (entries.length === 0) return "{}";
      const inner = `${indent}  `;
      const lines = entries.map(([key, entry]) => {
        const head = `${inner}${JSON.stringify(key)}: `;
        return `${head}${write(entry, inner, head.length)}`;
      });
      return `{\n${lines.join(",\n")}\n${indent}}`;
    }
    return JSON.stringify(item);
  };
  return `${write(value, "", 0)}\n`;
}
