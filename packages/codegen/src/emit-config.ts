import type { IntegrationConfig, JsonSchema } from "@plugboard/sdk";
import { header } from "./header.ts";

/** JSON text made safe in any JavaScript context: `<` and the line separators escaped. */
function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * `src/generated/config.gen.ts`: config.json as a typed constant, so no file is read at run
 * time. Each action's and trigger's schemas stay JSON text behind a getter and are parsed on
 * first use: a process that runs one action of a large integration parses that action's
 * schemas only (object literals cost several times more to load than a string).
 */
export function emitConfig(config: IntegrationConfig): string {
  const schemas: JsonSchema[] = [];
  const text = JSON.stringify(config);
  // A marker no config text contains, standing in for each schema until it becomes a getter.
  let salt = 0;
  while (text.includes(`plugboard-schema-${salt}-`)) salt++;
  const marker = (index: number) => `plugboard-schema-${salt}-${index}`;
  const withMarkers = (section: Record<string, Record<string, unknown>> | undefined) =>
    section &&
    Object.fromEntries(
      Object.entries(section).map(([name, spec]) => {
        const copy = { ...spec };
        for (const key of ["input_schema", "output_schema"]) {
          if (copy[key] === undefined) continue;
          copy[key] = marker(schemas.push(copy[key] as JsonSchema) - 1);
        }
        return [name, copy];
      }),
    );
  const shaped = {
    ...config,
    actions: withMarkers(config.actions as never),
    ...(config.polling_triggers && {
      polling_triggers: withMarkers(config.polling_triggers as never),
    }),
  };
  const pattern = new RegExp(
    `^(\\s*)"(input_schema|output_schema)": "plugboard-schema-${salt}-(\\d+)"`,
    "gm",
  );
  const literal = safeJson(shaped, 2)
    .replace(pattern, "$1get $2() {\n$1  return schema($3);\n$1}")
    // In an object literal `"__proto__": …` would set the prototype; a computed key is a property.
    .replace(/^(\s*)"__proto__": /gm, '$1["__proto__"]: ');
  // Escaped once more as a string literal: still no `<` and no raw line separator in the file.
  const texts = schemas.map((schema) => `  ${JSON.stringify(safeJson(schema))},`);
  return (
    `${header("the config as a typed constant")}\n` +
    'import type { IntegrationConfig, JsonSchema } from "@plugboard/sdk";\n\n' +
    `const schemas: string[] = [\n${texts.join("\n")}\n];\n` +
    "const parsed: Array<JsonSchema | undefined> = [];\n\n" +
    "function schema(index: number): JsonSchema {\n" +
    "  parsed[index] ??= JSON.parse(schemas[index] as string) as JsonSchema;\n" +
    "  return parsed[index];\n" +
    "}\n\n" +
    // Going through an untyped constant skips excess-property checks: config.json may carry keys
    // the SDK's type does not list, and those are not codegen's business.
    `const json = ${literal};\n\n` +
    "/** This integration's config.json. */\n" +
    "export const config: IntegrationConfig = json;\n"
  );
}
