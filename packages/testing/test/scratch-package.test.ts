import { existsSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scratchPackage } from "../src/index.ts";

const testingDir = fileURLToPath(new URL("..", import.meta.url));

describe("scratchPackage", () => {
  it("makes an ES-module package whose node_modules link the given folders, and removes it", async () => {
    const scratch = scratchPackage({ "@plugboard/testing": testingDir }, "plugboard-scratch-test-");
    try {
      expect(JSON.parse(readFileSync(join(scratch.dir, "package.json"), "utf8"))).toEqual({
        type: "module",
        private: true,
      });
      const link = join(scratch.dir, "node_modules/@plugboard/testing");
      expect(realpathSync(link)).toBe(realpathSync(testingDir));
    } finally {
      scratch.cleanup();
    }
    expect(existsSync(scratch.dir)).toBe(false);
    scratch.cleanup();
  });
});
