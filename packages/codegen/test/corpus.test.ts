import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { PrecompiledValidators } from "@plugboard/sdk";
import { compileSchema, normalizeSchema } from "@plugboard/sdk/internal";
import { sampleValue } from "@plugboard/testing";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../src/generate.ts";
import { readConfig } from "../src/read-config.ts";
import { corpusDir, typecheck, workspace, writeAll } from "./helpers.ts";

const present = existsSync(corpusDir);
if (!present) process.stderr.write(`note: corpus sweep skipped, ${corpusDir} is absent\n`);

describe.skipIf(!present)("corpus sweep over ../shared/corpus/autohive", () => {
  const names = present
    ? readdirSync(corpusDir).filter((n) => existsSync(join(corpusDir, n, "config.json")))
    : [];
  const { dir, cleanup } = workspace();
  afterAll(cleanup);

  it("generates every config", async () => {
    const failures: string[] = [];
    for (const name of names) {
      try {
        const file = join(corpusDir, name, "config.json");
        const text = readFileSync(file, "utf8");
        writeAll(join(dir, name), [
          { path: "config.json", contents: text },
          ...generate(readConfig(file), { file }),
        ]);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(readdirSync(dir).filter((entry) => names.includes(entry))).toHaveLength(names.length);
  }, 120_000);

  it("type-checks the output of every config as one program", () => {
    const roots = names.flatMap((name) =>
      readdirSync(join(dir, name, "src"), { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".ts"))
        .map((file) => join(dir, name, "src", file)),
    );
    expect(typecheck(roots).map((d) => `${d.file}:${d.line} TS${d.code} ${d.message}`)).toEqual([]);
  }, 180_000);

  it("loads every validators module; each accepts a valid sample and agrees with the runtime", async () => {
    let accepted = 0;
    let checked = 0;
    for (const name of names) {
      const file = join(dir, name, "src/generated/validators.gen.js");
      for (const chunk of readdirSync(join(dir, name, "src/generated"), { recursive: true })) {
        const path = join(dir, name, "src/generated", String(chunk));
        if (path.endsWith(".js"))
          expect(readFileSync(path, "utf8"), path).not.toContain("require(");
      }
      const url = pathToFileURL(file).href;
      const { validators } = (await import(url)) as { validators: PrecompiledValidators };
      const config = readConfig(join(dir, name, "config.json"));
      for (const [action, spec] of Object.entries(config.actions)) {
        for (const side of ["input", "output"] as const) {
          const raw = (side === "input" ? spec.input_schema : spec.output_schema) ?? {};
          const schema = normalizeSchema(raw);
          // What Integration.load runs: the SDK's normalizeSchema and AJV_OPTIONS, compiled now.
          const runtime = await compileSchema(raw);
          const entry = validators.actions?.[action];
          const chunk = typeof entry === "function" ? await entry() : entry;
          const validate = chunk?.[side];
          expect(validate, `${name}.${action}.${side}`).toBeTypeOf("function");
          const sample = sampleValue(schema);
          const expected = runtime(sample);
          checked++;
          expect(validate?.(sample), `${name}.${action}.${side} on ${JSON.stringify(sample)}`).toBe(
            expected,
          );
          if (expected) accepted++;
          // Bad data too: the same verdict and the same first error, path and message included.
          for (const bad of [null, {}, "x", [1]]) {
            const verdict = runtime(bad);
            expect(validate?.(bad), `${name}.${action}.${side} on ${JSON.stringify(bad)}`).toBe(
              verdict,
            );
            if (!verdict) expect(validate?.errors).toEqual(runtime.errors);
          }
        }
      }
    }
    // The sampler solves nearly every real schema; the rest are still checked against Ajv above.
    expect(accepted / checked).toBeGreaterThan(0.95);
  }, 120_000);
});
