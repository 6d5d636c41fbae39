import { describe, expect, it } from "vitest";
import { TOOL_NAME_PATTERN, toolName } from "../../src/mcp/tool-name.ts";

describe("toolName", () => {
  it("maps <integration>.<action> to <integration>__<action>", () => {
    expect(toolName("notion.get_page")).toBe("notion__get_page");
    expect(toolName("google-tasks.list_task_lists")).toBe("google-tasks__list_task_lists");
  });

  it("is deterministic", () => {
    expect(toolName("a b.c/d")).toBe(toolName("a b.c/d"));
  });

  it("replaces characters clients refuse and adds a hash of the qualified name", () => {
    const name = toolName("my app.send message");
    expect(name).toMatch(/^my_app__send_message_[0-9a-f]{10}$/);
    expect(name).toMatch(TOOL_NAME_PATTERN);
    // Two names that sanitise alike stay apart.
    expect(toolName("my app.send message")).not.toBe(toolName("my+app.send message"));
  });

  it("keeps names apart that the plain form would merge", () => {
    const pairs = [
      ["a__b.c", "a.b__c"],
      ["a_.b", "a._b"],
      ["_a.b", "a.b"],
    ] as const;
    for (const [left, right] of pairs) {
      expect(toolName(left)).not.toBe(toolName(right));
      expect(toolName(left)).toMatch(TOOL_NAME_PATTERN);
      expect(toolName(right)).toMatch(TOOL_NAME_PATTERN);
    }
  });

  it("shortens names over 64 characters with a stable hash suffix", () => {
    const long = `salesforce-marketing-cloud.${"create_".repeat(8)}journey`;
    const name = toolName(long);
    expect(name).toHaveLength(64);
    expect(name).toMatch(TOOL_NAME_PATTERN);
    expect(name.startsWith("salesforce-marketing-cloud__create_create_")).toBe(true);
    expect(name).toMatch(/_[0-9a-f]{10}$/);
    // Same prefix, different tail: different names.
    expect(toolName(`${long}s`)).not.toBe(name);
  });

  it("leaves exactly 64 characters plain", () => {
    const exact = `${"i".repeat(30)}.${"a".repeat(32)}`;
    expect(toolName(exact)).toBe(`${"i".repeat(30)}__${"a".repeat(32)}`);
    expect(toolName(exact)).toHaveLength(64);
  });
});
