import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envSecretSource, fileSecretSource, ServerError } from "../src/index.ts";

const dir = mkdtempSync(path.join(tmpdir(), "plugboard-secrets-"));
const SECRET = "sk-file-SECRET-9a8b7c";

function file(name: string, text: string): string {
  const target = path.join(dir, name);
  writeFileSync(target, text);
  return target;
}

function failure(fn: () => unknown): ServerError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ServerError) return error;
    throw error;
  }
  throw new Error("expected a ServerError");
}

describe("secret sources", () => {
  it("reads keys from the environment given, and nothing else", () => {
    const source = envSecretSource({ A_KEY: "a-value" });
    expect(source.get("A_KEY")).toBe("a-value");
    expect(source.get("HOME")).toBeUndefined();
  });

  it("reads keys from a JSON file", () => {
    const source = fileSecretSource(file("ok.json", JSON.stringify({ PROBE_API_KEY: SECRET })));
    expect(source.get("PROBE_API_KEY")).toBe(SECRET);
    expect(source.get("OTHER")).toBeUndefined();
  });

  it("points at a bad file without ever quoting a value", () => {
    const broken = file("broken.json", `{\n  "PROBE_API_KEY": "${SECRET}",\n}`);
    const syntax = failure(() => fileSecretSource(broken));
    expect(syntax.message).toBe(`${broken}:3:1: invalid JSON; fix the syntax there`);
    const typed = failure(() => fileSecretSource(file("typed.json", '{"A": 1}')));
    expect(typed.message).toContain("typed.json#/A: expected a string value, got number");
    const list = failure(() => fileSecretSource(file("list.json", `["${SECRET}"]`)));
    expect(list.message).toContain("expected a JSON object of secret values by key");
    for (const error of [syntax, typed, list]) expect(error.message).not.toContain(SECRET);
    expect(failure(() => fileSecretSource(path.join(dir, "absent.json"))).code).toBe(
      "secrets_unreadable",
    );
  });
});
