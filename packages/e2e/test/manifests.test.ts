import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { checkPackage, createPackageFromTarballData } from "@arethetypeswrong/core";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { describe, expect, inject, it } from "vitest";
import { publishablePackages } from "./workspace.ts";

// ESM-only packages: CommonJS resolution modes are out of scope (attw's "esm-only" profile).
const ignoredResolutions = new Set(["node10", "node16-cjs"]);

const packed = inject("packed");

describe("every publishable package", () => {
  it("includes the SDK, the codegen and at least one integration, all packed", () => {
    const names = publishablePackages().map((p) => p.name);
    expect(packed.map((p) => p.name)).toEqual(names);
    expect(names).toContain("@plugboard/sdk");
    expect(names).toContain("@plugboard/codegen");
    expect(names.some((n) => n.startsWith("@plugboard/integration-"))).toBe(true);
  });

  it("passes publint with no errors or warnings", async () => {
    for (const pkg of packed) {
      const bytes = readFileSync(pkg.tarball);
      const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      // With a tarball publint reads the package from it, not from the workspace folder.
      const { messages, pkg: manifest } = await publint({
        level: "warning",
        pack: { tarball: tarball as ArrayBuffer },
      });
      const text = messages.map((m) => `${pkg.name}: ${formatMessage(m, manifest)}`);
      expect(text).toEqual([]);
    }
  });

  it("has types that resolve for ESM consumers (are-the-types-wrong)", async () => {
    for (const pkg of packed) {
      const data = new Uint8Array(readFileSync(pkg.tarball));
      const result = await checkPackage(createPackageFromTarballData(data));
      expect(result.types, `${pkg.name} ships no types`).not.toBe(false);
      const problems =
        "problems" in result
          ? result.problems.filter(
              (p) => !("resolutionKind" in p) || !ignoredResolutions.has(p.resolutionKind),
            )
          : [];
      expect(problems.map((p) => `${pkg.name}: ${p.kind}`)).toEqual([]);
    }
  });

  it("ships only dist/ (plus bin/, assets/ and config.json where declared) and no workspace: ranges", () => {
    for (const pkg of packed) {
      const files = execFileSync("tar", ["-tzf", pkg.tarball]).toString().trim().split("\n");
      const unexpected = files.filter(
        (f) =>
          !/^package\/(dist\/|bin\/|assets\/|config\.json$|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/.test(
            f,
          ),
      );
      expect(unexpected, pkg.name).toEqual([]);
      expect(files, pkg.name).toContain("package/dist/index.js");
      const manifest = execFileSync("tar", [
        "-xzOf",
        pkg.tarball,
        "package/package.json",
      ]).toString();
      expect(manifest, pkg.name).not.toContain("workspace:");
    }
  });
});
