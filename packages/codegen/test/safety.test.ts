import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { transformSync } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../src/generate.ts";
import { fixture, workspace, writeAll } from "./helpers.ts";

const { dir, cleanup } = workspace();
afterAll(cleanup);

describe("adversarial names and strings", () => {
  it("run as plain data: the generated integration loads, with the config intact", async () => {
    const config = fixture("adversarial");
    writeAll(dir, generate(config));
    // Transpile every generated TypeScript file one-to-one, as a build would.
    for (const file of readdirSync(join(dir, "src"), { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts") || file.endsWith(".d.ts")) continue;
      const source = readFileSync(join(dir, "src", file), "utf8");
      const code = transformSync(source, { loader: "ts", format: "esm" }).code;
      const target = join(dir, "out", file.replace(/\.ts$/, ".js"));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code.replace(/(from\s+"\.[^"]*)\.ts"/g, '$1.js"'));
    }
    for (const file of readdirSync(join(dir, "src"), { recursive: true, encoding: "utf8" })) {
      if (file.endsWith(".gen.js")) {
        mkdirSync(dirname(join(dir, "out", file)), { recursive: true });
        writeFileSync(join(dir, "out", file), readFileSync(join(dir, "src", file)));
      }
    }
    const { integration } = await import(pathToFileURL(join(dir, "out/index.js")).href);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    expect(integration.config).toEqual(config);
    expect([...integration.registeredActions].sort()).toEqual(Object.keys(config.actions).sort());
    // Every action's validators chunk loads too (an action named "../../escape" included).
    const index = pathToFileURL(join(dir, "out/generated/validators.gen.js")).href;
    const { validators } = await import(index);
    for (const load of Object.values(validators.actions) as Array<() => Promise<object>>) {
      expect(Object.keys(await load())).toContain("input");
    }
  });

  it("keep hostile text out of code: no raw line separators, `</script>` only escaped in the config", () => {
    for (const file of generate(fixture("adversarial"))) {
      expect(file.contents, file.path).not.toMatch(/[\u2028\u2029]/);
    }
    const configFile = generate(fixture("adversarial")).find((f) =>
      f.path.endsWith("config.gen.ts"),
    );
    expect(configFile?.contents).not.toContain("</script>");
  });

  it("writes a __proto__ key as a property, not a prototype", async () => {
    const config = fixture("notes");
    const withProto = JSON.parse(
      JSON.stringify(config).replace(
        '"title":{"type":"string"',
        '"__proto__":{"type":"string"},"title":{"type":"string"',
      ),
    );
    const source =
      generate(withProto).find((f) => f.path.endsWith("config.gen.ts"))?.contents ?? "";
    const target = join(dir, "proto-config.js");
    writeFileSync(target, transformSync(source, { loader: "ts", format: "esm" }).code);
    const { config: loaded } = await import(pathToFileURL(target).href);
    expect(loaded).toEqual(withProto);
    const properties = loaded.actions.create_note.input_schema.properties;
    expect(Object.hasOwn(properties, "__proto__")).toBe(true);
    expect(Object.keys(properties)).toEqual(
      Object.keys(withProto.actions.create_note.input_schema.properties),
    );
  });

  it("writes the config as a readable literal, one property per line, one object per schema", async () => {
    const config = fixture("notes");
    const source = generate(config).find((f) => f.path.endsWith("config.gen.ts"))?.contents ?? "";
    // Reviewable: no schema hidden in an escaped JSON string.
    expect(source).not.toContain('\\"type\\"');
    expect(source).toContain('          "title": {');
    const target = join(dir, "literal-config.js");
    writeFileSync(target, transformSync(source, { loader: "ts", format: "esm" }).code);
    const { config: loaded } = await import(pathToFileURL(target).href);
    const action = loaded.actions.create_note;
    // One object per schema: the SDK caches compiled validators by schema identity.
    expect(action.input_schema).toBe(action.input_schema);
    expect(action.input_schema).toEqual(config.actions.create_note?.input_schema);
    expect(JSON.parse(JSON.stringify(loaded))).toEqual(config);
  });
});
