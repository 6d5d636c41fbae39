import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageDir } from "./helpers.ts";

const require = createRequire(join(packageDir, "package.json"));
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));

// schema-to-type.ts calls json-schema-to-typescript's stages from its dist/src/, and
// emit-validators.ts rewrites the `require("ajv/dist/runtime/…")` lines of Ajv's standalone code:
// both lean on files outside those packages' public API, so both are pinned exactly.
describe.each(["json-schema-to-typescript", "ajv"])("%s", (name) => {
  it("is pinned to an exact version, and that version is the one installed", () => {
    const pinned = manifest.dependencies[name];
    expect(pinned, `${name} must be pinned to an exact version`).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8"));
    expect(installed.version, `${name} changed: re-check the internals codegen uses`).toBe(pinned);
  });
});

describe("json-schema-to-typescript's internal stages", () => {
  it("are where schema-to-type.ts loads them from", () => {
    const base = "json-schema-to-typescript/dist/src";
    expect(typeof require(`${base}/linker.js`).link).toBe("function");
    expect(typeof require(`${base}/normalizer.js`).normalize).toBe("function");
    expect(typeof require(`${base}/parser.js`).parse).toBe("function");
    expect(typeof require(`${base}/optimizer.js`).optimize).toBe("function");
    expect(typeof require(`${base}/generator.js`).generate).toBe("function");
  });
});
