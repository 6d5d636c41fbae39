import { describe, expect, it } from "vitest";
import { escapePointer, pointerSegments, refSegments, unescapePointer } from "../src/internal.ts";

describe("JSON pointers", () => {
  it("escapes and unescapes a segment as RFC 6901 says, ~1 before ~0", () => {
    expect(escapePointer("a/b~c")).toBe("a~1b~0c");
    expect(unescapePointer("a~1b~0c")).toBe("a/b~c");
    // `~01` is a literal `~1`, not a slash.
    expect(unescapePointer("~01")).toBe("~1");
    for (const name of ["x", "~", "/", "~1", "a/~b"]) {
      expect(unescapePointer(escapePointer(name))).toBe(name);
    }
  });

  it("splits a pointer into unescaped segments", () => {
    expect(pointerSegments("")).toEqual([]);
    expect(pointerSegments("/properties/a~1b/items/0")).toEqual([
      "properties",
      "a/b",
      "items",
      "0",
    ]);
  });

  it("reads a local $ref as a percent-decoded pointer, and no other document's", () => {
    expect(refSegments("#/definitions/Task")).toEqual(["definitions", "Task"]);
    expect(refSegments("#/definitions/Task%20List")).toEqual(["definitions", "Task List"]);
    expect(refSegments("#/definitions/a~1b")).toEqual(["definitions", "a/b"]);
    expect(refSegments("#")).toEqual([]);
    expect(refSegments("other.json#/definitions/Task")).toBeUndefined();
    expect(() => refSegments("#/definitions/%E0%A4%A")).toThrow(URIError);
  });
});
