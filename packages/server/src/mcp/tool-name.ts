import { createHash } from "node:crypto";

/** The tool names MCP clients accept (Claude, OpenAI and the SDK's own guidance). */
export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

const MAX_LENGTH = 64;
const HASH_LENGTH = 10;
// An integration part that cannot be confused with the `__` separator: no `__` inside, no `_`
// at either end. With it, `<integration>__<action>` splits back at the first `__`, so two
// qualified names never share a plain tool name.
const PLAIN_INTEGRATION = /^[a-zA-Z0-9-]+(?:_[a-zA-Z0-9-]+)*$/;
const PLAIN_ACTION = /^[a-zA-Z0-9_-]+$/;

function hashOf(qualifiedName: string): string {
  return createHash("sha256").update(qualifiedName).digest("hex").slice(0, HASH_LENGTH);
}

function sanitize(part: string): string {
  return part.replace(/[^a-zA-Z0-9_-]/g, "_");
}

/**
 * The MCP tool name of `<integration>.<action>`: `<integration>__<action>` when that is a
 * valid, unambiguous name of at most 64 characters; otherwise the same text with disallowed
 * characters replaced, cut to fit, and ended by `_` and 10 hex digits of the qualified name's
 * SHA-256, so the name is deterministic and stays apart from every other one.
 */
export function toolName(qualifiedName: string): string {
  const dot = qualifiedName.indexOf(".");
  const integration = dot < 0 ? qualifiedName : qualifiedName.slice(0, dot);
  const action = dot < 0 ? "" : qualifiedName.slice(dot + 1);
  const plain = `${integration}__${action}`;
  if (
    PLAIN_INTEGRATION.test(integration) &&
    PLAIN_ACTION.test(action) &&
    plain.length <= MAX_LENGTH
  ) {
    return plain;
  }
  const suffix = `_${hashOf(qualifiedName)}`;
  return `${sanitize(plain).slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
}
