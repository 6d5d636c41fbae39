import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { validatorRuntime } from "../src/index.ts";

const require = createRequire(import.meta.url);

describe("validatorRuntime", () => {
  it("is ajv's run-time helpers, from the exact ajv version package.json pins", () => {
    // validator-runtime.ts imports ajv/dist/runtime/*: a path of ajv's build, not of its API.
    // Upgrading ajv must be deliberate: change the pin, then check those paths still hold.
    const pinned = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"))
      .dependencies.ajv;
    const installed = JSON.parse(readFileSync(require.resolve("ajv/package.json"), "utf8")).version;
    expect(pinned, "ajv must be pinned to an exact version").toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed).toBe(pinned);
    expect(validatorRuntime.ucs2length).toBe(require("ajv/dist/runtime/ucs2length").default);
    expect(validatorRuntime.equal).toBe(require("ajv/dist/runtime/equal").default);
  });

  it("counts code points and compares JSON values as Ajv does", () => {
    expect(validatorRuntime.ucs2length("a😀")).toBe(2);
    expect(validatorRuntime.equal({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(validatorRuntime.equal({ a: [1] }, { a: [2] })).toBe(false);
  });
});
