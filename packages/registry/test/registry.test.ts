import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  findIntegrations,
  findWorkspaceRoot,
  loadRegistry,
  RegistryError,
  resolveAction,
} from "../src/index.ts";

const repoRoot = resolve(import.meta.dirname, "../../..");
const scratch = mkdtempSync(join(tmpdir(), "plugboard-registry-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the registry", () => {
  it("finds the workspace root from a nested folder", () => {
    expect(findWorkspaceRoot(join(repoRoot, "integrations/hackernews/src"))).toBe(repoRoot);
    expect(() => findWorkspaceRoot(scratch)).toThrow(RegistryError);
  });

  it("lists every action and trigger of the workspace under its qualified name", async () => {
    const registry = await loadRegistry(repoRoot);
    expect(registry.problems).toEqual([]);
    const names = registry.integrations.flatMap((i) => i.entries.map((e) => e.qualifiedName));
    expect(names).toContain("hackernews.get_item");
    expect(names).toContain("notion.get_page");
    const trigger = registry.integrations
      .find((i) => i.name === "hackernews")
      ?.entries.find((e) => e.kind === "polling_trigger");
    expect(trigger?.qualifiedName).toBe("hackernews.new_stories");
  });

  it("resolves a qualified name and suggests the closest one for a typo", async () => {
    const registry = await loadRegistry(repoRoot);
    expect(resolveAction(registry, "hackernews.get_item").entry.name).toBe("get_item");
    expect(() => resolveAction(registry, "hackernews.get_itme")).toThrow(
      /unknown action "hackernews.get_itme".*hackernews.get_item/,
    );
    expect(() => resolveAction(registry, "hackernews")).toThrow(
      expect.objectContaining({ code: "invalid_name" }),
    );
  });

  it("finds integration folders, skipping hidden ones, and reports arguments with none", () => {
    const base = join(scratch, "integrations");
    for (const name of ["b", "a", ".hidden"]) {
      mkdirSync(join(base, name), { recursive: true });
      writeFileSync(join(base, name, "config.json"), "{}");
    }
    const found = findIntegrations([base, join(scratch, "nothing-here")]);
    expect(found.dirs).toEqual([join(base, "a"), join(base, "b")]);
    expect(found.unmatched).toEqual([join(scratch, "nothing-here")]);
  });
});
